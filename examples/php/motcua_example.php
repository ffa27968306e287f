<?php
/*
 * motcua from PHP through FFI (Debian's php-cli; FFI is enabled for the command line).
 *
 * Validates the two birth-registration dossiers against their procedure, applies two events of
 * the lifecycle log to a new dossier each, and verifies two signed PDFs against the project's
 * test root, printing one line per result:
 *
 *     <function> <input> status=<MotcuaStatus> <the library's JSON>
 *
 * the same lines as the C, Python and Java examples (tests/c/examples.sh compares them).
 *
 * Usage: MOTCUA_LIB=/usr/local/lib/libmotcua.so php motcua_example.php [EXAMPLES_DIR]
 * MOTCUA_LIB defaults to libmotcua.so as the dynamic loader finds it; EXAMPLES_DIR to ./examples.
 * Where php.ini sets ffi.enable=false, run php -d ffi.enable=1.
 */

declare(strict_types=1);

// The declarations of motcua.h this example calls (FFI reads plain C declarations, not the
// preprocessor lines of the header).
const MOTCUA_DECLARATIONS = <<<'C'
typedef struct MotcuaProcedure MotcuaProcedure;
typedef struct MotcuaDate { int32_t year; uint8_t month; uint8_t day; } MotcuaDate;
const char *motcua_version(void);
void motcua_string_free(char *s);
int motcua_procedure_parse(const uint8_t *json, size_t json_len, MotcuaProcedure **out_procedure,
                           char **out_error_json);
void motcua_procedure_free(MotcuaProcedure *procedure);
int motcua_forms_validate(const MotcuaProcedure *procedure, const uint8_t *dossier_json,
                          size_t dossier_len, MotcuaDate today, char **out_json);
int motcua_lifecycle_step(const uint8_t *dossier_json, size_t dossier_len,
                          const uint8_t *event_json, size_t event_len,
                          const uint8_t *policy_json, size_t policy_len, char **out_json);
int motcua_verify(const uint8_t *bytes, size_t len, const uint8_t *options_json,
                  size_t options_len, char **out_json);
C;

// motcua has no clock: "today" and the validation time are inputs (examples/README.md).
const TODAY = [2026, 11, 23];
const VALIDATION_TIME = '2026-03-05T02:30:15Z';

/** A PHP string as the (const uint8_t *, size_t) pair of a motcua input. */
function bytes(FFI $ffi, string $data): array
{
    $buffer = $ffi->new('uint8_t[' . max(strlen($data), 1) . ']');
    FFI::memcpy($buffer, $data, strlen($data));
    return [$buffer, strlen($data)];
}

/** The library's string in `$out` (a char *), freed with motcua_string_free; null if unset. */
function take(FFI $ffi, FFI\CData $out): ?string
{
    if (FFI::isNull($out)) {
        return null;
    }
    try {
        return FFI::string($out);
    } finally {
        $ffi->motcua_string_free($out);
    }
}

function report(string $function, string $input, int $status, ?string $json): void
{
    echo $function, ' ', $input, ' status=', $status, ' ', $json ?? '-', "\n";
}

function main(array $argv): int
{
    $dir = $argv[1] ?? 'examples';
    $ffi = FFI::cdef(MOTCUA_DECLARATIONS, getenv('MOTCUA_LIB') ?: 'libmotcua.so');
    $read = fn (string $name): string => file_get_contents("$dir/$name")
        ?: throw new RuntimeException("cannot read $dir/$name");
    $ok = true;
    report('motcua_version', '-', 0, $ffi->motcua_version());

    // A procedure is parsed once into a handle, used for every dossier, then freed.
    [$procedureJson, $procedureLen] = bytes($ffi, $read('procedure-birth-registration.json'));
    $procedure = $ffi->new('MotcuaProcedure *');
    $error = $ffi->new('char *');
    $status = $ffi->motcua_procedure_parse(
        $procedureJson, $procedureLen, FFI::addr($procedure), FFI::addr($error));
    if ($status !== 0) {
        report('motcua_procedure_parse', 'procedure-birth-registration.json', $status,
            take($ffi, $error));
        return 1;
    }
    $today = $ffi->new('MotcuaDate');
    [$today->year, $today->month, $today->day] = TODAY;
    try {
        foreach (['dossier-birth-registration-valid.json',
                  'dossier-birth-registration-invalid.json'] as $name) {
            [$dossier, $len] = bytes($ffi, $read($name));
            $json = $ffi->new('char *');
            $status = $ffi->motcua_forms_validate($procedure, $dossier, $len, $today,
                FFI::addr($json));
            report('motcua_forms_validate', $name, $status, take($ffi, $json));
            $ok = $ok && $status === 0;
        }
    } finally {
        $ffi->motcua_procedure_free($procedure);
    }

    // The first two events of the log, each applied to a new dossier (null): the first is
    // accepted; the second, a receipt, is refused, since a new dossier has not been submitted.
    // A real program passes the "dossier" of each answer to the next call instead of null.
    $events = explode("\n", $read('lifecycle-log.jsonl'));
    foreach (array_slice($events, 0, 2) as $index => $line) {
        [$event, $len] = bytes($ffi, $line);
        $json = $ffi->new('char *');
        $status = $ffi->motcua_lifecycle_step(null, 0, $event, $len, null, 0, FFI::addr($json));
        report('motcua_lifecycle_step', 'lifecycle-log.jsonl:' . ($index + 1), $status,
            take($ffi, $json));
        $ok = $ok && $status === 0;
    }

    // Signed PDFs, with the project's test root as the only trust anchor and the legal format
    // of Decree 30/2020 checked.
    [$options, $optionsLen] = bytes($ffi, json_encode([
        'validation_time' => VALIDATION_TIME,
        'trust_anchors' => [$read('signature-test-root.pem')],
        'profile' => 'decree30',
    ], JSON_THROW_ON_ERROR));
    foreach (['signed-decision.pdf', 'signed-decision-overlaid.pdf'] as $name) {
        [$document, $len] = bytes($ffi, $read($name));
        $json = $ffi->new('char *');
        $status = $ffi->motcua_verify($document, $len, $options, $optionsLen, FFI::addr($json));
        report('motcua_verify', $name, $status, take($ffi, $json));
        $ok = $ok && $status === 0;
    }
    return $ok ? 0 : 1;
}

exit(main($argv));
