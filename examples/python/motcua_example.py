#!/usr/bin/env python3
"""motcua from Python through ctypes: no compilation, only libmotcua.so.

Validates the two birth-registration dossiers against their procedure, applies two events of
the lifecycle log to a new dossier each, and verifies two signed PDFs against the project's test
root, printing one line per result:

    <function> <input> status=<MotcuaStatus> <the library's JSON>

the same lines as the C, Java and PHP examples (tests/c/examples.sh compares them).

Usage: MOTCUA_LIB=/usr/local/lib/libmotcua.so python3 motcua_example.py [EXAMPLES_DIR]
MOTCUA_LIB defaults to the libmotcua the dynamic loader finds; EXAMPLES_DIR to ./examples.
"""

import ctypes
import ctypes.util
import json
import os
import sys
from ctypes import POINTER, byref, c_char_p, c_int, c_int32, c_size_t, c_uint8, c_void_p

# motcua has no clock: "today" and the validation time are inputs (examples/README.md).
TODAY = (2026, 11, 23)
VALIDATION_TIME = "2026-03-05T02:30:15Z"


class MotcuaDate(ctypes.Structure):
    """struct MotcuaDate of motcua.h, passed by value."""

    _fields_ = [("year", c_int32), ("month", c_uint8), ("day", c_uint8)]


def load(path):
    """libmotcua with the signatures of the functions this example calls (see motcua.h)."""
    lib = ctypes.CDLL(path)
    out = POINTER(c_void_p)  # char **: a string the library allocates; freed by motcua_string_free
    signatures = {
        "motcua_version": (c_char_p, []),
        "motcua_string_free": (None, [c_void_p]),
        "motcua_procedure_parse": (c_int, [c_char_p, c_size_t, POINTER(c_void_p), out]),
        "motcua_procedure_free": (None, [c_void_p]),
        "motcua_forms_validate": (c_int, [c_void_p, c_char_p, c_size_t, MotcuaDate, out]),
        "motcua_lifecycle_step": (
            c_int,
            [c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t, out],
        ),
        "motcua_verify": (c_int, [c_char_p, c_size_t, c_char_p, c_size_t, out]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


def take(lib, pointer):
    """The library's string at `pointer` as text, freed with motcua_string_free; None if unset."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.motcua_string_free(pointer)


def report(function, name, status, text):
    line = f"{function} {name} status={status} {text if text is not None else '-'}\n"
    sys.stdout.buffer.write(line.encode("utf-8"))


def read(directory, name):
    with open(os.path.join(directory, name), "rb") as file:
        return file.read()


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "examples"
    path = os.environ.get("MOTCUA_LIB") or ctypes.util.find_library("motcua")
    if not path:
        sys.exit("motcua_example: libmotcua not found; set MOTCUA_LIB to the path of libmotcua.so")
    lib = load(path)
    ok = True
    report("motcua_version", "-", 0, lib.motcua_version().decode("utf-8"))

    # A procedure is parsed once into a handle, used for every dossier, then freed.
    procedure_json = read(directory, "procedure-birth-registration.json")
    procedure, error = c_void_p(), c_void_p()
    status = lib.motcua_procedure_parse(
        procedure_json, len(procedure_json), byref(procedure), byref(error)
    )
    if status != 0:
        report("motcua_procedure_parse", "procedure-birth-registration.json", status,
               take(lib, error))
        return 1
    try:
        for name in ("dossier-birth-registration-valid.json",
                     "dossier-birth-registration-invalid.json"):
            dossier = read(directory, name)
            result = c_void_p()
            status = lib.motcua_forms_validate(
                procedure, dossier, len(dossier), MotcuaDate(*TODAY), byref(result)
            )
            report("motcua_forms_validate", name, status, take(lib, result))
            ok = ok and status == 0
    finally:
        lib.motcua_procedure_free(procedure)

    # The first two events of the log, each applied to a new dossier (NULL): the first is
    # accepted; the second, a receipt, is refused, since a new dossier has not been submitted.
    # A real program passes the "dossier" of each answer to the next call instead of NULL.
    events = read(directory, "lifecycle-log.jsonl").splitlines()
    for number, event in enumerate(events[:2], start=1):
        result = c_void_p()
        status = lib.motcua_lifecycle_step(None, 0, event, len(event), None, 0, byref(result))
        report("motcua_lifecycle_step", f"lifecycle-log.jsonl:{number}", status,
               take(lib, result))
        ok = ok and status == 0

    # Signed PDFs, with the project's test root as the only trust anchor and the legal format
    # of Decree 30/2020 checked.
    options = json.dumps({
        "validation_time": VALIDATION_TIME,
        "trust_anchors": [read(directory, "signature-test-root.pem").decode("ascii")],
        "profile": "decree30",
    }).encode("utf-8")
    for name in ("signed-decision.pdf", "signed-decision-overlaid.pdf"):
        document = read(directory, name)
        result = c_void_p()
        status = lib.motcua_verify(document, len(document), options, len(options), byref(result))
        report("motcua_verify", name, status, take(lib, result))
        ok = ok and status == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
