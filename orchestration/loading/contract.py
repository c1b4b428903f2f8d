"""The landing contract (docs/landing_contract.md) as data.

One place says which systems and objects exist, which columns each must or should carry, and
how raw tables are named, so the loader, the sample generator and the dbt sources agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.loading.naming import normalize_column_name, object_key

__all__ = ["OBJECTS", "LandingObject", "find_object", "get_object", "normalize_column_name"]


@dataclass(frozen=True)
class LandingObject:
    system: str
    name: str
    required: tuple[str, ...]
    expected: tuple[str, ...]
    folder: str | None = None
    """Folder name the delivery tools use; matched style-insensitively, defaults to `name`."""

    @property
    def table(self) -> str:
        return f"{self.system}__{self.name}"

    @property
    def columns(self) -> tuple[str, ...]:
        """Required then expected columns, without repeats, in contract order."""
        return tuple(dict.fromkeys(self.required + self.expected))

    @property
    def delivery_folder(self) -> str:
        return self.folder or self.name


LINEAGE_COLUMNS: tuple[str, ...] = ("_file", "_row", "_loaded_at", "_batch_id")
RAW_SCHEMA = "raw"

# Top-level fields of every HubSpot CRM object besides `id` (properties are flattened beside them).
_HUBSPOT_ENVELOPE = ("created_at", "updated_at", "archived")

OBJECTS: tuple[LandingObject, ...] = (
    # salesforce: global CRM
    LandingObject(
        "salesforce",
        "lead",
        ("id",),
        (
            "first_name",
            "last_name",
            "email",
            "phone",
            "company",
            "title",
            "country",
            "state",
            "lead_source",
            "status",
            "owner_id",
            "is_converted",
            "converted_date",
            "converted_account_id",
            "converted_contact_id",
            "converted_opportunity_id",
            "has_opted_out_of_email",
            "created_date",
            "system_modstamp",
            "is_deleted",
        ),
        folder="Lead",
    ),
    LandingObject(
        "salesforce",
        "contact",
        ("id",),
        (
            "account_id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "title",
            "mailing_country",
            "lead_source",
            "owner_id",
            "has_opted_out_of_email",
            "created_date",
            "system_modstamp",
            "is_deleted",
        ),
        folder="Contact",
    ),
    LandingObject(
        "salesforce",
        "account",
        ("id",),
        (
            "name",
            "website",
            "industry",
            "number_of_employees",
            "annual_revenue",
            "billing_country",
            "owner_id",
            "created_date",
            "system_modstamp",
            "is_deleted",
        ),
        folder="Account",
    ),
    LandingObject(
        "salesforce",
        "opportunity",
        ("id",),
        (
            "account_id",
            "name",
            "stage_name",
            "amount",
            "currency_iso_code",
            "close_date",
            "is_closed",
            "is_won",
            "campaign_id",
            "lead_source",
            "owner_id",
            "created_date",
            "system_modstamp",
            "is_deleted",
        ),
        folder="Opportunity",
    ),
    LandingObject(
        "salesforce",
        "opportunity_contact_role",
        ("id",),
        ("opportunity_id", "contact_id", "role", "is_primary"),
        folder="OpportunityContactRole",
    ),
    LandingObject(
        "salesforce",
        "opportunity_history",
        ("id", "opportunity_id"),
        ("stage_name", "amount", "close_date", "created_date"),
        folder="OpportunityHistory",
    ),
    LandingObject(
        "salesforce",
        "campaign",
        ("id",),
        ("name", "type", "status", "start_date", "end_date", "actual_cost", "currency_iso_code"),
        folder="Campaign",
    ),
    LandingObject(
        "salesforce",
        "campaign_member",
        ("id",),
        (
            "campaign_id",
            "lead_id",
            "contact_id",
            "status",
            "has_responded",
            "first_responded_date",
            "created_date",
        ),
        folder="CampaignMember",
    ),
    LandingObject(
        "salesforce",
        "lead_history",
        ("id", "lead_id", "field", "created_date"),
        ("old_value", "new_value"),
        folder="LeadHistory",
    ),
    LandingObject("salesforce", "user", ("id",), ("name", "email", "is_active"), folder="User"),
    # marketo: global marketing automation (bulk extract shape)
    LandingObject(
        "marketo",
        "leads",
        ("id",),
        (
            "email",
            "first_name",
            "last_name",
            "company",
            "title",
            "phone",
            "country",
            "lead_source",
            "sfdc_lead_id",
            "sfdc_contact_id",
            "unsubscribed",
            "email_invalid",
            "created_at",
            "updated_at",
        ),
    ),
    LandingObject(
        "marketo",
        "activities",
        ("marketo_guid", "lead_id", "activity_date", "activity_type_id"),
        ("campaign_id", "primary_attribute_value_id", "primary_attribute_value", "attributes"),
    ),
    LandingObject("marketo", "activity_types", ("id",), ("name",)),
    LandingObject("marketo", "programs", ("id",), ("name", "type", "channel", "created_at")),
    LandingObject(
        "marketo",
        "program_members",
        ("program_id", "lead_id"),
        ("progression_status", "membership_date", "reached_success"),
    ),
    # hubspot: Japan CRM and marketing (CRM API v3 JSON Lines, or connector CSV)
    LandingObject(
        "hubspot",
        "contacts",
        ("id",),
        (
            *_HUBSPOT_ENVELOPE,
            "email",
            "firstname",
            "lastname",
            "company",
            "jobtitle",
            "phone",
            "country",
            "state",
            "lifecyclestage",
            "hs_lead_status",
            "hs_analytics_source",
            "hubspot_owner_id",
            "associatedcompanyid",
            "hs_email_optout",
            "createdate",
            "lastmodifieddate",
        ),
    ),
    LandingObject(
        "hubspot",
        "companies",
        ("id",),
        (
            *_HUBSPOT_ENVELOPE,
            "name",
            "domain",
            "industry",
            "numberofemployees",
            "annualrevenue",
            "country",
            "hubspot_owner_id",
        ),
    ),
    LandingObject(
        "hubspot",
        "deals",
        ("id",),
        (
            *_HUBSPOT_ENVELOPE,
            "dealname",
            "dealstage",
            "pipeline",
            "amount",
            "deal_currency_code",
            "closedate",
            "createdate",
            "hubspot_owner_id",
            "associations_contacts",
            "associations_companies",
        ),
    ),
    LandingObject(
        "hubspot",
        "contact_property_history",
        ("contact_id", "property", "timestamp"),
        ("value", "source_type"),
    ),
    LandingObject(
        "hubspot",
        "email_events",
        ("id",),
        ("type", "recipient", "created", "email_campaign_id", "url"),
    ),
    LandingObject(
        "hubspot",
        "form_submissions",
        (),
        ("contact_id", "email", "form_id", "form_name", "page_url", "submitted_at", "values"),
    ),
    LandingObject(
        "hubspot",
        "owners",
        ("id",),
        ("email", "first_name", "last_name", "teams"),
    ),
    # events: trade-show badge scans and business cards (Japanese headers, Shift_JIS or UTF-8)
    LandingObject(
        "events",
        "badge_scans",
        ("captured_at",),
        (
            "company_name",
            "department",
            "title",
            "last_name",
            "first_name",
            "last_name_kana",
            "first_name_kana",
            "email",
            "phone",
            "mobile_phone",
            "postal_code",
            "prefecture",
            "address",
            "url",
            "corporate_number",
            "event_name",
            "timeline",
            "budget",
            "authority",
            "need",
            "memo",
        ),
    ),
    # webinars: webinar platform exports
    LandingObject(
        "webinars",
        "attendance",
        (),
        (
            "webinar_id",
            "webinar_title",
            "email",
            "first_name",
            "last_name",
            "company",
            "job_title",
            "country",
            "registered_at",
            "attended",
            "join_time",
            "leave_time",
            "duration_minutes",
        ),
    ),
    # ads: paid media spend
    LandingObject(
        "ads",
        "spend",
        (),
        (
            "date",
            "platform",
            "campaign_id",
            "campaign_name",
            "utm_campaign",
            "cost",
            "currency",
            "impressions",
            "clicks",
        ),
    ),
)


def find_object(system: str, folder: str) -> LandingObject | None:
    wanted = (object_key(system), object_key(folder))
    for obj in OBJECTS:
        if (object_key(obj.system), object_key(obj.name)) == wanted:
            return obj
    return None


def get_object(table: str) -> LandingObject:
    for obj in OBJECTS:
        if obj.table == table:
            return obj
    raise KeyError(f"no landing object for raw table {table!r}")
