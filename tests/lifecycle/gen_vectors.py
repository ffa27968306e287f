#!/usr/bin/env python3
"""Writes spec/vectors/lifecycle.json, the lifecycle conformance vectors.

The expectations below are written by hand from spec/lifecycle/*.json and the readings of
spec/lifecycle/README.md (Decree 61/2018/NĐ-CP with Circular 01/2018/TT-VPCP; Decree
118/2025/NĐ-CP with Circular 03/2025/TT-VPCP), never computed by motcua. This script only
expands the named prefixes (PREFIXES) into full logs, so that each case stays one line here.

A case is a log of one dossier: a prefix (events every surface must accept) followed by one
event, with what that last event must give: the state it leads to ("to", and the form it
produces, if any) or the code and JSON pointer of its rejection. REPLAYS are whole logs with the
expected final state, due time and timeliness, worked out by hand with the working days of
spec/calendar/ (the default policy: Monday-Friday, 08:00-12:00 and 13:00-17:00, no cut-off, a
supplement restarts the limit).

Usage: python3 tests/lifecycle/gen_vectors.py (no dependencies).
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "spec" / "vectors" / "lifecycle.json"


def ev(kind, at, actor, **extra):
    e = {"type": kind, "at": at, "actor": actor}
    e.update(extra)
    return e


WD = lambda n: {"unit": "working_days", "value": n}  # noqa: E731


def base(day, offset="+07:00"):
    """Prefixes for a dossier submitted and received on `day` (a Monday with no holiday in the
    following three weeks), limit 10 working days: due on the second Monday after, 17:00."""
    t = lambda hm, d=day: f"{d}T{hm}:00{offset}"  # noqa: E731
    y, m, d0 = map(int, day.split("-"))
    nd = lambda k: f"{y:04d}-{m:02d}-{d0 + k:02d}"  # noqa: E731
    p = {}
    p["new"] = []
    p["submitted"] = [ev("submitted", t("08:00"), "applicant", channel="in_person")]
    p["supplement_at_receipt"] = p["submitted"] + [ev("supplement_requested", t("08:20"), "one_stop")]
    p["refused"] = p["submitted"] + [ev("refused", t("08:20"), "one_stop")]
    p["received"] = p["submitted"] + [ev("received", t("08:30"), "one_stop", limit=WD(10))]
    p["processing"] = p["received"] + [ev("transferred", t("09:00"), "one_stop")]
    p["inter_agency"] = p["processing"] + [ev("inter_agency_sent", t("09:00", nd(1)), "agency")]
    p["supplement_in_processing"] = p["processing"] + [
        ev("supplement_requested", t("10:00", nd(1)), "agency")]
    p["awaiting_payment"] = p["processing"] + [ev("payment_requested", t("10:00", nd(2)), "agency")]
    p["withdrawal_requested"] = p["processing"] + [
        ev("withdrawal_requested", t("10:00", nd(2)), "applicant")]
    p["stopped"] = p["processing"] + [ev("stopped", t("10:00", nd(2)), "agency")]
    p["result_ready"] = p["processing"] + [ev("processed", t("10:00", nd(4)), "agency")]
    p["returned"] = p["result_ready"] + [ev("result_returned", t("15:00", nd(4)), "one_stop")]
    p["apologised"] = p["processing"] + [
        ev("apology_issued", t("09:00", nd(7)), "agency", due_at=t("17:00", nd(21)))]
    p["supplemented_once_at_receipt"] = p["supplement_at_receipt"] + [
        ev("supplemented", t("08:40"), "applicant")]
    p["supplemented_once_in_processing"] = p["supplement_in_processing"] + [
        ev("supplemented", t("10:00", nd(2)), "applicant")]
    return p, t, nd


# Decree 61/2018: Monday 4 March 2024 (due Monday 18 March 2024, 17:00).
P61, T61, N61 = base("2024-03-04")
# Decree 118/2025: Monday 6 October 2025 (due Monday 20 October 2025, 17:00), after Circular
# 03/2025/TT-VPCP was issued (15/9/2025), so numbered forms are produced.
P118, T118, N118 = base("2025-10-06")

F01 = lambda n: {"circular": "01/2018/TT-VPCP", "number": n}  # noqa: E731
F03 = lambda n: {"circular": "03/2025/TT-VPCP", "number": n}  # noqa: E731


def accepted(rules, forms):
    """Transitions that must be accepted: (prefix, event, expected state, expected form).
    `t`/`nd` give times on the version's base week; the event comes on the second Monday (nd(7))
    at 09:00 unless a guard needs another time."""
    P, t, nd = {"61": (P61, T61, N61), "118": (P118, T118, N118)}[rules]
    later = t("09:00", nd(7))
    F = forms
    rows = [
        ("new", ev("submitted", t("08:00"), "applicant", channel="in_person"), "submitted", None),
        ("new", ev("submitted", t("08:00"), "applicant", channel="online"), "submitted", None),
        ("new", ev("submitted", t("08:00"), "post", channel="post"), "submitted", None),
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10)), "received", F(1)),
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10), procedure="1.000894", agency="G01.01"), "received", F(1)),
        ("submitted", ev("received", t("08:30"), "one_stop", limit={"unit": "calendar_days", "value": 15}), "received", F(1)),
        ("submitted", ev("received", t("08:30"), "one_stop", limit={"unit": "working_hours", "value": 4}), "received", F(1)),
        ("submitted", ev("refused", t("08:30"), "one_stop", note="Không thuộc thẩm quyền"), "refused", F(3)),
        ("submitted", ev("supplement_requested", t("08:30"), "one_stop"), "supplement_at_receipt", F(2)),
        ("submitted", ev("withdrawal_requested", t("08:30"), "applicant"), "withdrawal_requested", None),
        ("supplement_at_receipt", ev("supplemented", t("08:40"), "applicant"), "submitted", None),
        ("supplement_at_receipt", ev("supplemented", t("08:40"), "post"), "submitted", None),
        ("supplement_at_receipt", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("supplement_at_receipt", ev("stopped", later, "one_stop"), "stopped", F(5) if rules == "118" else None),
        ("supplemented_once_at_receipt", ev("received", t("08:50"), "one_stop", limit=WD(10)), "received", F(1)),
        ("received", ev("transferred", t("09:00"), "one_stop"), "processing", None),
        ("received", ev("transferred", t("09:00"), "portal"), "processing", None),
        ("received", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "received", F(4)),
        ("received", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("processing", ev("handed_over", later, "agency"), "processing", F(5 if rules == "61" else 6)),
        ("processing", ev("handed_over", later, "one_stop"), "processing", F(5 if rules == "61" else 6)),
        ("processing", ev("handed_over", later, "co_agency"), "processing", F(5 if rules == "61" else 6)),
        ("processing", ev("inter_agency_sent", later, "agency"), "inter_agency", None),
        ("processing", ev("inter_agency_sent", later, "one_stop"), "inter_agency", None),
        # Within 03 working days of receipt (Mon): by Thursday.
        ("processing", ev("supplement_requested", t("16:00", nd(3)), "agency"), "supplement_in_processing", F(2)),
        ("processing", ev("supplement_requested", t("10:00", nd(1)), "one_stop"), "supplement_in_processing", F(2)),
        ("processing", ev("payment_requested", later, "agency"), "awaiting_payment", None),
        ("processing", ev("payment_requested", later, "one_stop"), "awaiting_payment", None),
        ("processing", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "processing", F(4)),
        # The last day the apology can come: one day before the due date (Sun 17, due Mon 18/20).
        ("processing", ev("apology_issued", t("16:00", nd(13)), "agency", due_at=t("17:00", nd(21))), "processing", F(4)),
        ("processing", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("processing", ev("stopped", later, "agency"), "stopped", F(5) if rules == "118" else None),
        ("processing", ev("processed", later, "agency"), "result_ready", None),
        ("processing", ev("refused", later, "agency", note="Không đủ điều kiện"), "result_ready", F(3)),
        ("inter_agency", ev("handed_over", later, "co_agency"), "inter_agency", F(5 if rules == "61" else 6)),
        ("inter_agency", ev("inter_agency_returned", later, "co_agency"), "processing", None),
        ("inter_agency", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "inter_agency", F(4)),
        ("inter_agency", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("inter_agency", ev("stopped", later, "agency"), "stopped", F(5) if rules == "118" else None),
        ("supplement_in_processing", ev("supplemented", later, "applicant"), "processing", None),
        ("supplement_in_processing", ev("supplemented", later, "post"), "processing", None),
        ("supplement_in_processing", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("supplement_in_processing", ev("stopped", later, "agency"), "stopped", F(5) if rules == "118" else None),
        ("awaiting_payment", ev("paid", later, "applicant"), "processing", None),
        ("awaiting_payment", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "awaiting_payment", F(4)),
        ("awaiting_payment", ev("withdrawal_requested", later, "applicant"), "withdrawal_requested", None),
        ("awaiting_payment", ev("stopped", later, "agency"), "stopped", F(5) if rules == "118" else None),
        ("withdrawal_requested", ev("stopped", later, "one_stop"), "stopped", F(5) if rules == "118" else None),
        ("result_ready", ev("result_returned", later, "one_stop"), "returned", None),
        ("result_ready", ev("result_returned", later, "post"), "returned", None),
        ("result_ready", ev("result_returned", later, "portal"), "returned", None),
        # After a restart the dossier can be processed as usual.
        ("supplemented_once_in_processing", ev("processed", later, "agency"), "result_ready", None),
    ]
    if rules == "61":
        rows.append(("withdrawal_requested", ev("stopped", later, "agency"), "stopped", None))
    else:
        rows.append(("withdrawal_requested", ev("stopped", later, "portal"), "stopped", F(5)))
        # No 03-working-day window under Decree 118/2025 (README reading 4).
        rows.append(("processing", ev("supplement_requested", later, "agency"), "supplement_in_processing", F(2)))
    return rows


def rejected(rules):
    """Events that must be refused: (prefix, event, code, pointer)."""
    P, t, nd = {"61": (P61, T61, N61), "118": (P118, T118, N118)}[rules]
    later = t("09:00", nd(7))
    F = F01 if rules == "61" else F03
    other = F03 if rules == "61" else F01
    rows = [
        ("processing", ev("transferred", t("08:00"), "one_stop"), "lifecycle.out_of_order", "/at"),
        ("result_ready", ev("handed_over", t("09:00", nd(3)), "agency"), "lifecycle.out_of_order", "/at"),
        ("refused", ev("received", later, "one_stop", limit=WD(10)), "lifecycle.terminal", "/type"),
        ("returned", ev("withdrawal_requested", later, "applicant"), "lifecycle.terminal", "/type"),
        ("stopped", ev("paid", later, "applicant"), "lifecycle.terminal", "/type"),
        ("new", ev("received", t("08:30"), "one_stop", limit=WD(10)), "lifecycle.event_not_allowed", "/type"),
        ("submitted", ev("transferred", t("08:30"), "one_stop"), "lifecycle.event_not_allowed", "/type"),
        ("submitted", ev("submitted", t("08:30"), "applicant", channel="online"), "lifecycle.event_not_allowed", "/type"),
        ("received", ev("processed", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("received", ev("supplement_requested", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("processing", ev("received", later, "one_stop", limit=WD(10)), "lifecycle.event_not_allowed", "/type"),
        ("processing", ev("result_returned", later, "one_stop"), "lifecycle.event_not_allowed", "/type"),
        ("supplement_in_processing", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "lifecycle.event_not_allowed", "/type"),
        ("supplement_in_processing", ev("processed", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("awaiting_payment", ev("processed", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("inter_agency", ev("processed", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("withdrawal_requested", ev("processed", later, "agency"), "lifecycle.event_not_allowed", "/type"),
        ("withdrawal_requested", ev("paid", later, "applicant"), "lifecycle.event_not_allowed", "/type"),
        ("result_ready", ev("withdrawal_requested", later, "applicant"), "lifecycle.event_not_allowed", "/type"),
        ("result_ready", ev("apology_issued", later, "agency", due_at=t("17:00", nd(21))), "lifecycle.event_not_allowed", "/type"),
        ("submitted", ev("received", t("08:30"), "applicant", limit=WD(10)), "lifecycle.actor_not_allowed", "/actor"),
        ("received", ev("apology_issued", later, "one_stop", due_at=t("17:00", nd(21))), "lifecycle.actor_not_allowed", "/actor"),
        ("processing", ev("processed", later, "one_stop"), "lifecycle.actor_not_allowed", "/actor"),
        ("processing", ev("withdrawal_requested", later, "agency"), "lifecycle.actor_not_allowed", "/actor"),
        ("inter_agency", ev("inter_agency_returned", later, "agency"), "lifecycle.actor_not_allowed", "/actor"),
        ("awaiting_payment", ev("paid", later, "agency"), "lifecycle.actor_not_allowed", "/actor"),
        ("new", ev("submitted", t("08:00"), "applicant"), "lifecycle.missing_field", "/channel"),
        ("submitted", ev("received", t("08:30"), "one_stop"), "lifecycle.missing_field", "/limit"),
        ("processing", ev("apology_issued", later, "agency"), "lifecycle.missing_field", "/due_at"),
        ("received", ev("transferred", t("09:00"), "one_stop", limit=WD(10)), "lifecycle.unexpected_field", "/limit"),
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10), channel="online"), "lifecycle.unexpected_field", "/channel"),
        ("processing", ev("processed", later, "agency", due_at=t("17:00", nd(21))), "lifecycle.unexpected_field", "/due_at"),
        # The procedure and the agency are named on submission or receipt only.
        ("processing", ev("processed", later, "agency", procedure="1.000894"), "lifecycle.unexpected_field", "/procedure"),
        ("received", ev("transferred", t("09:00"), "one_stop", agency="G01.01"), "lifecycle.unexpected_field", "/agency"),
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10), form=F(2)), "lifecycle.form_mismatch", "/form"),
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10), form=other(1)), "lifecycle.form_mismatch", "/form"),
        ("received", ev("transferred", t("09:00"), "one_stop", form=F(5)), "lifecycle.form_mismatch", "/form"),
        ("supplemented_once_at_receipt", ev("supplement_requested", t("08:50"), "one_stop"), "lifecycle.supplement_limit", "/type"),
        ("supplemented_once_in_processing", ev("supplement_requested", t("11:00", nd(2)), "agency"), "lifecycle.supplement_limit", "/type"),
        ("apologised", ev("apology_issued", t("10:00", nd(8)), "agency", due_at=t("17:00", nd(22))), "lifecycle.apology_repeated", "/type"),
        # On the due date itself (Mon, due 17:00): less than one day before it.
        ("processing", ev("apology_issued", t("08:00", nd(14)), "agency", due_at=t("17:00", nd(21))), "lifecycle.apology_too_late", "/at"),
        # After the due date: already late.
        ("processing", ev("apology_issued", t("09:00", nd(15)), "agency", due_at=t("17:00", nd(21))), "lifecycle.apology_too_late", "/at"),
        ("processing", ev("apology_issued", later, "agency", due_at=t("12:00", nd(14))), "lifecycle.apology_not_later", "/due_at"),
        ("processing", ev("apology_issued", later, "agency", due_at=t("17:00", nd(14))), "lifecycle.apology_not_later", "/due_at"),
        # 10 000 working days: beyond what the calendar counts (spec/calendar/working-days.md).
        ("submitted", ev("received", t("08:30"), "one_stop", limit=WD(10000)), "working_days.too_many", "/limit"),
    ]
    if rules == "61":
        # Friday of the first week: the 4th working day after Monday's receipt (Art. 19(4)).
        rows.append(("processing", ev("supplement_requested", t("09:00", nd(4)), "agency"), "lifecycle.supplement_notice_late", "/at"))
        rows.append(("processing", ev("supplement_requested", later, "agency"), "lifecycle.supplement_notice_late", "/at"))
    else:
        # Decree 118/2025 Art. 21: the stop notice is issued by the one-stop shop or the portal.
        rows.append(("withdrawal_requested", ev("stopped", later, "agency"), "lifecycle.actor_not_allowed", "/actor"))
    return rows


def cases():
    out = []
    for rules, P, forms in (("61", P61, F01), ("118", P118, F03)):
        label = {"61": "decree-61-2018", "118": "decree-118-2025"}[rules]
        for prefix, event, to, form in accepted(rules, forms):
            name = f"{label}: {prefix} --{event['type']}/{event['actor']}--> {to}"
            case = {"name": name, "rules": label, "log": P[prefix] + [event], "to": to}
            if form:
                case["form"] = form
            out.append(case)
        for prefix, event, code, path in rejected(rules):
            name = f"{label}: {prefix} --{event['type']}/{event['actor']}--> {code}"
            out.append({"name": name, "rules": label, "log": P[prefix] + [event],
                        "rejected": {"code": code, "path": path}})
    # Dates between the versions and before any.
    out += [
        {"name": "before Decree 61/2018 took effect (21/6/2018): no rules", "rules": None,
         "log": [ev("submitted", "2018-06-20T09:00:00+07:00", "applicant", channel="in_person")],
         "rejected": {"code": "lifecycle.no_rules", "path": "/at"}},
        {"name": "the first day of Decree 61/2018", "rules": "decree-61-2018",
         "log": [ev("submitted", "2018-06-21T09:00:00+07:00", "applicant", channel="in_person")],
         "to": "submitted"},
        {"name": "received 2018-07-02, before Circular 01/2018 took effect (06/01/2019): no numbered form",
         "rules": "decree-61-2018",
         "log": [ev("submitted", "2018-07-02T08:00:00+07:00", "applicant", channel="in_person"),
                 ev("received", "2018-07-02T08:30:00+07:00", "one_stop", limit=WD(5))],
         "to": "received"},
        {"name": "a form cited before Circular 01/2018 took effect is not the prescribed one",
         "rules": "decree-61-2018",
         "log": [ev("submitted", "2018-07-02T08:00:00+07:00", "applicant", channel="in_person"),
                 ev("received", "2018-07-02T08:30:00+07:00", "one_stop", limit=WD(5), form=F01(1))],
         "rejected": {"code": "lifecycle.form_mismatch", "path": "/form"}},
        {"name": "the first day of Circular 01/2018 forms (06/01/2019, a Sunday: receipt on a day off)",
         "rules": "decree-61-2018",
         "log": [ev("submitted", "2019-01-06T08:00:00+07:00", "applicant", channel="online"),
                 ev("received", "2019-01-06T08:30:00+07:00", "one_stop", limit=WD(5))],
         "to": "received", "form": F01(1)},
        {"name": "submitted 30/6/2025 under Decree 61/2018, received 1/7/2025 under Decree 118/2025 (UTC timestamps)",
         "rules": "decree-118-2025",
         "log": [ev("submitted", "2025-06-30T09:00:00Z", "applicant", channel="online"),
                 ev("received", "2025-06-30T17:30:00Z", "one_stop", limit=WD(5))],
         "to": "received"},
        {"name": "30/6/2025 23:59 in Vietnam is still Decree 61/2018 although 1/7 would be the next day elsewhere",
         "rules": "decree-61-2018",
         "log": [ev("submitted", "2025-06-30T16:59:00Z", "applicant", channel="online"),
                 ev("received", "2025-06-30T16:59:30Z", "one_stop", limit=WD(5))],
         "to": "received", "form": F01(1)},
        {"name": "Decree 118/2025 before Circular 03/2025 was issued (15/9/2025): no numbered form",
         "rules": "decree-118-2025",
         "log": [ev("submitted", "2025-07-07T08:00:00+07:00", "applicant", channel="in_person"),
                 ev("received", "2025-07-07T08:30:00+07:00", "one_stop", limit=WD(5))],
         "to": "received"},
        {"name": "a dossier received under Decree 61/2018 stays under it after 1/7/2025 (03-day supplement window applies)",
         "rules": "decree-61-2018",
         "log": [ev("submitted", "2025-06-30T08:00:00+07:00", "applicant", channel="in_person"),
                 ev("received", "2025-06-30T08:30:00+07:00", "one_stop", limit=WD(10)),
                 ev("transferred", "2025-06-30T09:00:00+07:00", "one_stop"),
                 ev("supplement_requested", "2025-07-07T09:00:00+07:00", "agency")],
         "rejected": {"code": "lifecycle.supplement_notice_late", "path": "/at"}},
    ]
    return out


# spec/lifecycle/national-status.json, transcribed from status-codes.md §1.
NATIONAL = {"submitted": 1, "received": 2, "refused": 3, "processing": 4, "inter_agency": 4,
            "supplement_at_receipt": 5, "supplement_in_processing": 5, "awaiting_payment": 6,
            "withdrawal_requested": 7, "stopped": 8, "result_ready": 9, "returned": 10}


def replays():
    """Whole logs with the expected end: state, due time, timeliness, rejected count."""
    s = lambda at: ev("submitted", at, "applicant", channel="in_person")  # noqa: E731
    r = lambda at, n: ev("received", at, "one_stop", limit=WD(n))  # noqa: E731
    tr = lambda at: ev("transferred", at, "one_stop")  # noqa: E731
    done = lambda at: ev("processed", at, "agency")  # noqa: E731
    back = lambda at: ev("result_returned", at, "one_stop")  # noqa: E731
    return [
        # 5 working days from Mon 4/3/2024: Tue 5 ... Mon 11 → due Mon 11/3 17:00.
        ("early: result on Fri 8/3/2024, due Mon 11/3",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          done("2024-03-08T10:00:00+07:00"), back("2024-03-08T15:00:00+07:00")],
         "returned", "decree-61-2018", "2024-03-11T17:00:00+07:00", "early", 0, False),
        ("on time: result on the due date before 17:00",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          done("2024-03-11T16:59:00+07:00")],
         "result_ready", "decree-61-2018", "2024-03-11T17:00:00+07:00", "on_time", 0, True),
        ("late: result after 17:00 on the due date",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          done("2024-03-11T17:30:00+07:00"), back("2024-03-12T08:00:00+07:00")],
         "returned", "decree-61-2018", "2024-03-11T17:00:00+07:00", "late", 0, False),
        ("late by a day; the result not collected does not change it",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          done("2024-03-12T09:00:00+07:00")],
         "result_ready", "decree-61-2018", "2024-03-11T17:00:00+07:00", "late", 0, True),
        ("pending: received, not finished",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00")],
         "processing", "decree-61-2018", "2024-03-11T17:00:00+07:00", "pending", 0, False),
        ("not applicable: refused at receipt",
         [s("2024-03-04T08:00:00+07:00"), ev("refused", "2024-03-04T08:20:00+07:00", "one_stop")],
         "refused", "decree-61-2018", None, "not_applicable", 0, False),
        ("not applicable: withdrawn and stopped",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5),
          ev("withdrawal_requested", "2024-03-05T08:00:00+07:00", "applicant"),
          ev("stopped", "2024-03-05T09:00:00+07:00", "one_stop")],
         "stopped", "decree-61-2018", "2024-03-11T17:00:00+07:00", "not_applicable", 0, False),
        # Restart (Art. 19(4)): supplied Thu 7/3 14:00, 5 working days from Fri 8: Fri 8, Mon 11 ...
        # Thu 14 → due Thu 14/3 17:00; result Wed 13/3 → early.
        ("the limit restarts from the complete dossier (Decree 61/2018 Art. 19(4))",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          ev("supplement_requested", "2024-03-05T10:00:00+07:00", "agency"),
          ev("supplemented", "2024-03-07T14:00:00+07:00", "applicant"),
          done("2024-03-13T10:00:00+07:00")],
         "result_ready", "decree-61-2018", "2024-03-14T17:00:00+07:00", "early", 0, True),
        ("while the applicant supplements there is no due date; pending",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          ev("supplement_requested", "2024-03-05T10:00:00+07:00", "agency")],
         "supplement_in_processing", "decree-61-2018", None, "pending", 0, False),
        # Apology Thu 7/3 for due Mon 11/3 → new due Fri 15/3 17:00; result Fri 15/3 11:00 → on time.
        ("the apology's new appointment is the due date (Art. 19(9) second paragraph)",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          ev("apology_issued", "2024-03-07T15:00:00+07:00", "agency", due_at="2024-03-15T17:00:00+07:00"),
          done("2024-03-15T11:00:00+07:00")],
         "result_ready", "decree-61-2018", "2024-03-15T17:00:00+07:00", "on_time", 0, True),
        ("late even after the apology; the second apology is refused",
         [s("2024-03-04T08:00:00+07:00"), r("2024-03-04T08:30:00+07:00", 5), tr("2024-03-04T09:00:00+07:00"),
          ev("apology_issued", "2024-03-07T15:00:00+07:00", "agency", due_at="2024-03-15T17:00:00+07:00"),
          ev("apology_issued", "2024-03-13T15:00:00+07:00", "agency", due_at="2024-03-20T17:00:00+07:00"),
          done("2024-03-18T11:00:00+07:00")],
         "result_ready", "decree-61-2018", "2024-03-15T17:00:00+07:00", "late", 1, True),
        # Tết 2025 (Decree 61/2018): received Fri 24/1/2025, days off 25/1 (Sat) to 2/2 (Sun); 3
        # working days → Mon 3, Tue 4, Wed 5/2 → due Wed 5/2/2025 17:00.
        ("Tết At Ty 2025: the days off are skipped",
         [s("2025-01-24T08:00:00+07:00"), r("2025-01-24T08:30:00+07:00", 3), tr("2025-01-24T09:00:00+07:00"),
          done("2025-02-05T09:00:00+07:00")],
         "result_ready", "decree-61-2018", "2025-02-05T17:00:00+07:00", "on_time", 0, True),
        # Decree 118/2025: received Mon 1/9/2025 (National Day holidays Mon 1 and Tue 2/9 2025):
        # counting from the next working day Wed 3/9 as the day of receipt → Thu 4, Fri 5, Mon 8/9.
        ("National Day 2025: received on a day off counts from the next working day",
         [s("2025-09-01T08:00:00+07:00"), r("2025-09-01T08:30:00+07:00", 3), tr("2025-09-01T09:00:00+07:00"),
          done("2025-09-04T09:00:00+07:00"), back("2025-09-05T09:00:00+07:00")],
         "returned", "decree-118-2025", "2025-09-08T17:00:00+07:00", "early", 0, False),
        ("Decree 118/2025: a supplement request after 3 working days is accepted, then the limit restarts",
         [s("2025-10-06T08:00:00+07:00"), r("2025-10-06T08:30:00+07:00", 5), tr("2025-10-06T09:00:00+07:00"),
          ev("supplement_requested", "2025-10-10T10:00:00+07:00", "agency"),
          ev("supplemented", "2025-10-13T10:00:00+07:00", "applicant"),
          done("2025-10-21T10:00:00+07:00")],
         "result_ready", "decree-118-2025", "2025-10-20T17:00:00+07:00", "late", 0, True),
        ("refusal after appraisal is a result judged for time (Art. 19(8))",
         [s("2025-10-06T08:00:00+07:00"), r("2025-10-06T08:30:00+07:00", 5), tr("2025-10-06T09:00:00+07:00"),
          ev("refused", "2025-10-09T10:00:00+07:00", "agency"), back("2025-10-10T10:00:00+07:00")],
         "returned", "decree-118-2025", "2025-10-13T17:00:00+07:00", "early", 0, False),
        ("inter-agency round trip, then payment, then result on time",
         [s("2025-10-06T08:00:00+07:00"), r("2025-10-06T08:30:00+07:00", 5), tr("2025-10-06T09:00:00+07:00"),
          ev("inter_agency_sent", "2025-10-07T09:00:00+07:00", "agency"),
          ev("handed_over", "2025-10-07T10:00:00+07:00", "co_agency"),
          ev("inter_agency_returned", "2025-10-09T09:00:00+07:00", "co_agency"),
          ev("payment_requested", "2025-10-09T10:00:00+07:00", "agency"),
          ev("paid", "2025-10-10T10:00:00+07:00", "applicant"),
          done("2025-10-13T15:00:00+07:00")],
         "result_ready", "decree-118-2025", "2025-10-13T17:00:00+07:00", "on_time", 0, True),
    ]


def status_logs():
    """Status logs of another system: (name, statuses, problems as (line, code, path), final
    states). Dates: one change a day from Monday 4 March 2024 (Decree 61/2018); reachability read
    off the machine in spec/lifecycle/README.md."""
    rows = [
        ("the usual path 1-2-4-9-10", [1, 2, 4, 9, 10], [], ["returned"]),
        ("codes written as strings, as some payloads do", ["1", "2", 4, "9"], [], ["result_ready"]),
        ("statuses not synchronised are skipped: 2-9-10", [2, 9, 10], [], ["returned"]),
        ("a result ready before anything else was synchronised", [9], [], ["result_ready"]),
        ("supplement at receipt, resubmitted, received", [1, 5, 1, 2], [], ["received"]),
        ("5 then 4: supplied during processing", [1, 2, 4, 5, 4, 6, 4, 9, 10], [], ["returned"]),
        ("5 stands for both supplement states", [1, 5], [], ["supplement_at_receipt", "supplement_in_processing"]),
        ("repeated synchronisation of the same status", [1, 2, 2, 4, 4, 4], [], ["processing", "inter_agency"]),
        ("repeated synchronisation of a terminal status", [1, 2, 4, 9, 10, 10], [], ["returned"]),
        ("withdrawal accepted: 7 then 8", [1, 2, 4, 7, 8], [], ["stopped"]),
        ("refused at receipt", [1, 3], [], ["refused"]),
        ("back from a result to processing", [1, 2, 4, 9, 4],
         [(5, "lifecycle.status_impossible", "/status")], ["processing", "inter_agency"]),
        ("nothing after a refusal", [1, 3, 2], [(3, "lifecycle.status_impossible", "/status")], ["received"]),
        ("nothing after the result was returned", [1, 2, 4, 9, 10, 4],
         [(6, "lifecycle.status_impossible", "/status")], ["processing", "inter_agency"]),
        ("a received dossier never becomes newly registered again", [1, 2, 1],
         [(3, "lifecycle.status_impossible", "/status")], ["submitted"]),
        ("a withdrawal request only leads to a stop", [1, 2, 4, 7, 9],
         [(5, "lifecycle.status_impossible", "/status")], ["result_ready"]),
        ("a result once ready is not stopped (Decree 118/2025 Art. 21 reading)", [1, 2, 4, 9, 8],
         [(5, "lifecycle.status_impossible", "/status")], ["stopped"]),
        ("financial obligations after registration: the steps between were not synchronised", [1, 6],
         [], ["awaiting_payment"]),
        ("an unknown code is reported and teaches nothing", [1, 2, 11, 4],
         [(3, "lifecycle.status_unknown", "/status")], ["processing", "inter_agency"]),
        ("two impossibilities in one log", [1, 3, 2, 1],
         [(3, "lifecycle.status_impossible", "/status"), (4, "lifecycle.status_impossible", "/status")],
         ["submitted"]),
    ]
    out = []
    for name, statuses, problems, states in rows:
        log = [{"status": st, "at": f"2024-03-{4 + i:02d}T09:00:00+07:00"} for i, st in enumerate(statuses)]
        out.append({"name": name, "log": log,
                    "problems": [{"line": l, "code": c, "path": p} for (l, c, p) in problems],
                    "states": states})
    out.append({"name": "a change before Decree 61/2018 took effect",
                "log": [{"status": 1, "at": "2018-06-01T09:00:00+07:00"}],
                "problems": [{"line": 1, "code": "lifecycle.no_rules", "path": "/at"}],
                "states": ["new"]})
    return out


def main():
    data = {
        "$comment": (
            "Lifecycle conformance vectors, written by tests/lifecycle/gen_vectors.py from hand-written "
            "expectations (spec/lifecycle/*.json and the readings of spec/lifecycle/README.md), never "
            "computed by motcua. Every case is the JSON Lines log of one dossier named \"D\" (each event "
            "gets \"dossier\": \"D\"), replayed with the default calendar policy (Monday-Friday, "
            "08:00-12:00 and 13:00-17:00, no cut-off, restart after a supplement). Step cases "
            "{name, rules, log, to, form?} or {name, rules, log, rejected: {code, path}}: every event "
            "but the last is accepted, and the last leads to state `to` producing `form`, or is refused "
            "with that code at that JSON pointer of the event; `rules` is the version that judged it. "
            "Replay cases {name, log, expect: {state, national_status, rules, due, timeliness, rejected, uncollected}} "
            "check the end of the whole log. Status-log cases {name, log, problems, states} are a "
            "National Public Service Portal status log of dossier \"D\" (lines {dossier, status, at}) "
            "checked by lifecycle::check_status_log: the impossible changes {line, code, path} and the "
            "states the dossier may be in at the end."),
        "cases": cases(),
        "replays": [
            {"name": name, "log": log,
             "expect": {"state": state, "national_status": NATIONAL[state], "rules": rules, "due": due, "timeliness": timeliness,
                        "rejected": rejected_n, "uncollected": uncollected}}
            for (name, log, state, rules, due, timeliness, rejected_n, uncollected) in replays()
        ],
        "status_logs": status_logs(),
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    OUT.write_text(text + "\n", "utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(data['cases'])} step cases, {len(data['replays'])} replays, "
          f"{len(data['status_logs'])} status logs")


if __name__ == "__main__":
    main()
