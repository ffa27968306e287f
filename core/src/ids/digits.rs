//! Reading a run of digits written with spaces between groups (`001 085 012 345`).

/// The characters of an input once surrounding whitespace and inner spaces are removed.
pub(crate) struct DigitRun<const N: usize> {
    /// The values (0–9) of the first `N` characters, meaningful when [`Self::is_exact`].
    pub(crate) digits: [u8; N],
    /// How many characters remain once spaces are removed.
    pub(crate) count: usize,
    /// The first character that is not a digit, if any.
    pub(crate) bad: Option<char>,
}

impl<const N: usize> DigitRun<N> {
    /// Reads `input`: surrounding whitespace is trimmed and inner ASCII spaces are skipped.
    pub(crate) fn read(input: &str) -> Self {
        let mut run = DigitRun {
            digits: [0; N],
            count: 0,
            bad: None,
        };
        for c in input.trim().chars().filter(|&c| c != ' ') {
            match c.to_digit(10) {
                Some(d) => {
                    if let Some(slot) = run.digits.get_mut(run.count) {
                        // A decimal digit is below 10.
                        *slot = d as u8;
                    }
                }
                None => {
                    run.bad.get_or_insert(c);
                }
            }
            run.count += 1;
        }
        run
    }

    /// Whether the input is exactly `N` digits.
    pub(crate) fn is_exact(&self) -> bool {
        self.bad.is_none() && self.count == N
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_grouped_digits() {
        let run = DigitRun::<4>::read("  12 34 ");
        assert!(run.is_exact());
        assert_eq!(run.digits, [1, 2, 3, 4]);
        let run = DigitRun::<4>::read("12x45");
        assert_eq!((run.count, run.bad), (5, Some('x')));
        assert!(!run.is_exact());
        let run = DigitRun::<4>::read("١٢٣٤");
        assert_eq!(run.bad, Some('١'), "only ASCII digits count");
    }
}
