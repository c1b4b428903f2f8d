"""The day's re-deliveries for tests/test_incremental_refresh.py: files of the delta day that
re-send known Marketo activities (with another value, or as no behaviour at all), HubSpot
contacts (one with another person's email, one without its company), a Marketo program under
another channel and a trade-show badge scan written another way, so the incremental models must
take the newest versions."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import NamedTuple

import duckdb

REDELIVERED_ACTIVITIES = 5
# Re-delivered as something that is no touchpoint: another activity type, an unreadable time.
DROPPED_ACTIVITIES = {"activityTypeId": "6", "activityDate": "sometime in November"}
REDELIVERED_RECORDS = 3
REDELIVERED_TITLE = "営業本部長代理"
REDELIVERED_STATUS = "Re-sent"
REDELIVERED_SCAN_MEMO = "再送: 名刺の裏に携帯番号の追記あり"


class MovedContact(NamedTuple):
    record_key: str
    old_email: str
    joined_record_key: str
    # re-sent without its company, its company id and its work address: it names no company now
    left_company_record_key: str


def redeliver_activities(landing: Path, day: date) -> list[str]:
    """A file of the day holding activities delivered before, with another primary value, and
    behavioural activities re-delivered as something else (DROPPED_ACTIVITIES); returns the
    dropped activities' ids."""
    folder = landing / "marketo" / "activities"
    first = sorted(folder.glob("*.csv"))[0]
    redelivery = folder / f"{day.isoformat()}T0700Z.csv"
    delivered = f"read_csv('{first}', header = true, all_varchar = true)"
    dropped = [
        f"(select * replace ('{value}' as {column}) from {delivered}"
        f" where activityTypeId = '2' order by marketoGUID desc limit 1 offset {offset})"
        for offset, (column, value) in enumerate(DROPPED_ACTIVITIES.items())
    ]
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * from (select * replace ('redelivered' as primaryAttributeValue) from {delivered}"
            f" order by marketoGUID limit {REDELIVERED_ACTIVITIES}) union all {' union all '.join(dropped)})"
            f" to '{redelivery}' (header)"
        )
        return [
            str(guid)
            for (guid,) in con.execute(
                f"select marketoGUID from read_csv('{redelivery}', header = true, all_varchar = true)"
                " where primaryAttributeValue is distinct from 'redelivered'"
            ).fetchall()
        ]


def contact_sharing_its_email(warehouse: Path) -> str:
    """A HubSpot contact whose email another record also holds, and that no form submission
    names (that id link would keep it in its old group whatever its email)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(contact_id,)] = con.execute(
            "select contact.source_record_id from intermediate.int_person_records_keyed as contact"
            " where contact.source_system = 'hubspot' and contact.source_object = 'contacts'"
            " and exists (select 1 from intermediate.int_person_records_keyed as same_address"
            "   where same_address.email_key = contact.email_key"
            "   and same_address.record_key <> contact.record_key)"
            " and not exists (select 1 from intermediate.int_person_records_keyed as naming"
            "   where naming.hubspot_contact_id = contact.source_record_id)"
            " order by contact.record_key limit 1"
        ).fetchall()
    return str(contact_id)


def redeliver_records(landing: Path, day: date, moved_id: str) -> MovedContact:
    """Files of the day re-sending known HubSpot contacts (newer, another job title) and Marketo
    program memberships (another status: without an update stamp the later delivery wins).
    Contact `moved_id` now has the email of another contact: it must leave the group of its
    old address and join the other person's. Another contact now names no company: its company
    record must leave int_account_records_unioned."""
    folder = landing / "hubspot" / "contacts"
    versions = [
        json.loads(line)
        for contacts in sorted(folder.glob("*.jsonl"))
        for line in contacts.read_text(encoding="utf-8").splitlines()
    ]
    newest = {contact["id"]: contact for contact in versions}
    other = next(contact for contact_id, contact in newest.items() if contact_id != moved_id)
    unchanged = [c for c in newest.values() if c["id"] not in (moved_id, other["id"])]
    leaver = next(
        c for c in unchanged if c["properties"]["company"] and c["properties"]["associatedcompanyid"]
    )
    unchanged.remove(leaver)
    changed = [newest[moved_id], leaver, *unchanged[: REDELIVERED_RECORDS - 2]]
    for contact in changed:
        contact["updatedAt"] = contact["properties"]["lastmodifieddate"] = f"{day.isoformat()}T06:00:00.000Z"
        contact["properties"]["jobtitle"] = REDELIVERED_TITLE
    old_email = changed[0]["properties"]["email"]
    changed[0]["properties"]["email"] = other["properties"]["email"]
    leaver["properties"].update(
        company=None, associatedcompanyid=None, email=f"left-company-{leaver['id']}@gmail.com"
    )
    (folder / f"{day.isoformat()}T0700Z.jsonl").write_text(
        "".join(json.dumps(contact, ensure_ascii=False) + "\n" for contact in changed), encoding="utf-8"
    )
    members = sorted((landing / "marketo" / "program_members").glob("*.csv"))[0]
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * replace ('{REDELIVERED_STATUS}' as progressionStatus) "
            f"from read_csv('{members}', header = true, all_varchar = true) "
            f"order by programId, leadId limit {REDELIVERED_RECORDS}) "
            f"to '{members.parent / f'{day.isoformat()}T0700Z.csv'}' (header)"
        )
    return MovedContact(
        f"hubspot:contacts:{moved_id}",
        old_email,
        f"hubspot:contacts:{other['id']}",
        f"hubspot:contacts:{leaver['id']}",
    )


def rechannel_program(landing: Path, day: date) -> str:
    """A file of the day re-sending the Marketo program with the most members under another
    channel (webinar, or trade show for a webinar): every touch of its campaign, also those
    classified before, must report under the new channel. Returns the program id."""
    programs = sorted((landing / "marketo" / "programs").glob("*.csv"))[0]
    members = sorted((landing / "marketo" / "program_members").glob("*.csv"))[0]
    with duckdb.connect() as con:
        [(program_id,)] = con.execute(
            f"select programId from read_csv('{members}', header = true, all_varchar = true)"
            " group by programId order by count(*) desc, programId limit 1"
        ).fetchall()
        con.execute(
            "copy (select * replace (case when lower(channel) = 'webinar' then 'Tradeshow' else 'Webinar' end"
            f" as channel) from read_csv('{programs}', header = true, all_varchar = true) where id = ?)"
            f" to '{programs.parent / f'{day.isoformat()}T0700Z.csv'}' (header)",
            [program_id],
        )
    return str(program_id)


def redeliver_badge_scans(landing: Path, day: date) -> str:
    """A Shift_JIS export of the day re-sending a known scan with its company written ㈱ instead
    of 株式会社 and another memo (the same scan, its newer delivery wins), and a scan not seen
    before. Returns the new scan's email."""
    folder = landing / "events" / "badge_scans"
    with (sorted(folder.glob("*.csv"))[0]).open(encoding="cp932", newline="") as delivered:
        header, *rows = list(csv.reader(delivered))
    company, email, memo = header.index("会社名"), header.index("メールアドレス"), header.index("メモ")
    known = next(row for row in rows if row[company].startswith("株式会社") and row[email])
    resent = [*known]
    resent[company] = "㈱" + known[company].removeprefix("株式会社")
    resent[memo] = REDELIVERED_SCAN_MEMO
    new = [*next(row for row in rows if row is not known and row[email])]
    new[email] = f"new-scan-{day:%Y%m%d}@" + new[email].split("@")[1]
    export = io.StringIO()
    csv.writer(export, lineterminator="\r\n").writerows([header, resent, new])
    (folder / f"{day.isoformat()}T0900Z_redelivery.csv").write_bytes(export.getvalue().encode("cp932"))
    return new[email]
