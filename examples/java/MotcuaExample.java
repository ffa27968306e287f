/*
 * motcua from Java through JNA (Debian's libjna-java: /usr/share/java/jna.jar), no JNI code.
 *
 * Validates the two birth-registration dossiers against their procedure, applies two events of
 * the lifecycle log to a new dossier each, and verifies two signed PDFs against the project's
 * test root, printing one line per result:
 *
 *     <function> <input> status=<MotcuaStatus> <the library's JSON>
 *
 * the same lines as the C, Python and PHP examples (tests/c/examples.sh compares them).
 *
 * Usage:
 *   javac -cp /usr/share/java/jna.jar -d build MotcuaExample.java
 *   MOTCUA_LIB=/usr/local/lib/libmotcua.so java -cp build:/usr/share/java/jna.jar MotcuaExample [EXAMPLES_DIR]
 * MOTCUA_LIB defaults to the libmotcua JNA finds (jna.library.path, then the system's);
 * EXAMPLES_DIR to ./examples.
 */

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public final class MotcuaExample {
  /** The functions of motcua.h this example calls. */
  public interface Motcua extends Library {
    String motcua_version();

    void motcua_string_free(Pointer s);

    int motcua_procedure_parse(
        byte[] json, SizeT jsonLen, PointerByReference outProcedure, PointerByReference outError);

    void motcua_procedure_free(Pointer procedure);

    int motcua_forms_validate(
        Pointer procedure, byte[] dossier, SizeT dossierLen, MotcuaDate today,
        PointerByReference outJson);

    int motcua_lifecycle_step(
        byte[] dossier, SizeT dossierLen, byte[] event, SizeT eventLen, byte[] policy,
        SizeT policyLen, PointerByReference outJson);

    int motcua_verify(
        byte[] bytes, SizeT len, byte[] options, SizeT optionsLen, PointerByReference outJson);
  }

  /** C's size_t. */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  /** struct MotcuaDate of motcua.h, passed by value. */
  @Structure.FieldOrder({"year", "month", "day"})
  public static final class MotcuaDate extends Structure implements Structure.ByValue {
    public int year;
    public byte month;
    public byte day;

    public MotcuaDate() {}

    MotcuaDate(int year, int month, int day) {
      this.year = year;
      this.month = (byte) month;
      this.day = (byte) day;
    }
  }

  // motcua has no clock: "today" and the validation time are inputs (examples/README.md).
  private static final MotcuaDate TODAY = new MotcuaDate(2026, 11, 23);
  private static final String VALIDATION_TIME = "2026-03-05T02:30:15Z";

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private final Motcua lib;

  private MotcuaExample(Motcua lib) {
    this.lib = lib;
  }

  /** The library's string in `out` as text, freed with motcua_string_free; null if unset. */
  private String take(PointerByReference out) {
    Pointer pointer = out.getValue();
    if (pointer == null) {
      return null;
    }
    try {
      return pointer.getString(0, StandardCharsets.UTF_8.name());
    } finally {
      lib.motcua_string_free(pointer);
    }
  }

  private static void report(String function, String input, int status, String json) {
    OUT.println(function + " " + input + " status=" + status + " " + (json != null ? json : "-"));
  }

  /** `text` as a JSON string. */
  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private int run(Path dir) throws IOException {
    boolean ok = true;
    report("motcua_version", "-", 0, lib.motcua_version());

    // A procedure is parsed once into a handle, used for every dossier, then freed.
    byte[] procedureJson = Files.readAllBytes(dir.resolve("procedure-birth-registration.json"));
    PointerByReference procedureOut = new PointerByReference();
    PointerByReference error = new PointerByReference();
    int status =
        lib.motcua_procedure_parse(
            procedureJson, new SizeT(procedureJson.length), procedureOut, error);
    if (status != 0) {
      report("motcua_procedure_parse", "procedure-birth-registration.json", status, take(error));
      return 1;
    }
    Pointer procedure = procedureOut.getValue();
    try {
      for (String name :
          new String[] {
            "dossier-birth-registration-valid.json", "dossier-birth-registration-invalid.json"
          }) {
        byte[] dossier = Files.readAllBytes(dir.resolve(name));
        PointerByReference json = new PointerByReference();
        status =
            lib.motcua_forms_validate(procedure, dossier, new SizeT(dossier.length), TODAY, json);
        report("motcua_forms_validate", name, status, take(json));
        ok = ok && status == 0;
      }
    } finally {
      lib.motcua_procedure_free(procedure);
    }

    // The first two events of the log, each applied to a new dossier (null): the first is
    // accepted; the second, a receipt, is refused, since a new dossier has not been submitted.
    // A real program passes the "dossier" of each answer to the next call instead of null.
    String[] events =
        new String(Files.readAllBytes(dir.resolve("lifecycle-log.jsonl")), StandardCharsets.UTF_8)
            .split("\n");
    for (int number = 1; number <= 2 && number <= events.length; number++) {
      byte[] event = events[number - 1].getBytes(StandardCharsets.UTF_8);
      PointerByReference json = new PointerByReference();
      status =
          lib.motcua_lifecycle_step(
              null, new SizeT(0), event, new SizeT(event.length), null, new SizeT(0), json);
      report("motcua_lifecycle_step", "lifecycle-log.jsonl:" + number, status, take(json));
      ok = ok && status == 0;
    }

    // Signed PDFs, with the project's test root as the only trust anchor and the legal format
    // of Decree 30/2020 checked.
    String root =
        new String(
            Files.readAllBytes(dir.resolve("signature-test-root.pem")), StandardCharsets.UTF_8);
    byte[] options =
        ("{\"validation_time\": "
                + jsonString(VALIDATION_TIME)
                + ", \"trust_anchors\": ["
                + jsonString(root)
                + "], \"profile\": \"decree30\"}")
            .getBytes(StandardCharsets.UTF_8);
    for (String name : Arrays.asList("signed-decision.pdf", "signed-decision-overlaid.pdf")) {
      byte[] document = Files.readAllBytes(dir.resolve(name));
      PointerByReference json = new PointerByReference();
      status =
          lib.motcua_verify(
              document, new SizeT(document.length), options, new SizeT(options.length), json);
      report("motcua_verify", name, status, take(json));
      ok = ok && status == 0;
    }
    return ok ? 0 : 1;
  }

  public static void main(String[] args) throws IOException {
    String path = System.getenv("MOTCUA_LIB");
    Motcua lib = Native.load(path != null && !path.isEmpty() ? path : "motcua", Motcua.class);
    Path dir = Path.of(args.length > 0 ? args[0] : "examples");
    System.exit(new MotcuaExample(lib).run(dir));
  }
}
