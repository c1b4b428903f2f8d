"""Splink (probabilistic Fellegi-Sunter linkage, DuckDB backend) on the person records leadflow
resolves: the yardstick leadflow's accuracy and speed are compared with (docs/identity.md).

Splink reads `intermediate.int_person_records_unioned`, i.e. the identifiers as staging
normalizes them (email, E.164 phone, names, company) and the cross-system CRM ids, but none of
leadflow's own match keys (romaji folding, nicknames, role and free-mail flags): it gets the same
input leadflow starts from. The model is unsupervised, as Splink is used in practice: u from
random pairs, the match prior from deterministic rules, m by EM; nothing is tuned on the truth.
Splink is a dev dependency, so it is imported only when this baseline runs.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from orchestration.evaluation.identity import IdentityReport, score_clusters

if TYPE_CHECKING:
    from splink import SettingsCreator

# Pairs at or above this match probability are linked, the usual choice in Splink's tutorials.
MATCH_THRESHOLD = 0.95
# Random pairs for the u estimates: the size Splink's docs call often adequate; larger samples
# cost time at every sample size and these columns have few comparison levels.
U_SAMPLE_PAIRS = 1e7
# Share of true pairs the deterministic rules (same email, a CRM link) are assumed to find; it
# only scales the prior, which the clustering threshold is far less sensitive to than m and u.
DETERMINISTIC_RECALL = 0.7

# One row per person record. A CRM link becomes a shared value: a Marketo lead's sfdcLeadId
# equals the Salesforce lead's own id, a converted lead's ConvertedContactId the contact's id, a
# form submission's contact_id the HubSpot contact's id.
_RECORDS = """
create or replace table person_records as
select
    record_key as unique_id,
    source_system,
    source_object,
    source_record_id,
    _file,
    _row,
    email,
    email_domain,
    first_name_normalized as first_name,
    last_name_normalized as last_name,
    nullif(concat_ws(' ', last_name_normalized, first_name_normalized), '') as full_name,
    coalesce(phone, mobile_phone) as phone,
    company_name_normalized as company,
    case
        when source_system = 'salesforce' and source_object = 'lead' then source_record_id
        else sfdc_lead_id
    end as salesforce_lead_link,
    case
        when source_system = 'salesforce' and source_object = 'contact' then source_record_id
        else coalesce(converted_contact_id, sfdc_contact_id)
    end as salesforce_contact_link,
    case
        when source_system = 'hubspot' and source_object = 'contacts' then source_record_id
        else hubspot_contact_id
    end as hubspot_contact_link
from warehouse.intermediate.int_person_records_unioned
"""

_LINKS = ("salesforce_lead_link", "salesforce_contact_link", "hubspot_contact_link")


@dataclass(frozen=True)
class SplinkResult:
    report: IdentityReport
    seconds: float
    """Wall time from reading the records to the clusters: training, prediction, clustering."""


def ensure_available() -> None:
    """Fails before the sample is built, not after, when the dev extra is missing."""
    if importlib.util.find_spec("splink") is None:
        raise RuntimeError(
            'the Splink baseline needs the dev extra: pip install -c constraints.txt -e ".[dev]"'
        )


def method_name() -> str:
    return f"Splink {version('splink')}"


def _settings() -> SettingsCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    any_link = " or ".join(f'"{link}_l" = "{link}_r"' for link in _LINKS)
    no_link = " and ".join(f'("{link}_l" is null or "{link}_r" is null)' for link in _LINKS)
    crm_link = cl.CustomComparison(
        output_column_name="crm_link",
        comparison_levels=[
            cll.CustomLevel(no_link, label_for_charts="no CRM link on either side").configure(
                is_null_level=True
            ),
            cll.CustomLevel(any_link, label_for_charts="linked by a CRM id"),
            cll.ElseLevel(),
        ],
    )
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ForenameSurnameComparison(
                "first_name", "last_name", forename_surname_concat_col_name="full_name"
            ),
            cl.EmailComparison("email"),
            # a switchboard or a big employer is a frequent value: term frequencies weigh a
            # shared one less than a direct line or a rare company
            cl.ExactMatch("phone").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("company", [0.95, 0.88]).configure(term_frequency_adjustments=True),
            crm_link,
        ],
        blocking_rules_to_generate_predictions=[
            block_on("email"),
            block_on("phone"),
            *(block_on(link) for link in _LINKS),
            block_on("first_name", "last_name", "company"),
            block_on("first_name", "last_name", "email_domain"),
        ],
        retain_matching_columns=False,
    )


def run_splink(warehouse: Path, truth_dir: Path, work_dir: Path, *, seed: int) -> SplinkResult:
    """Trains Splink on the person records of the built `warehouse`, clusters its predictions
    at MATCH_THRESHOLD and scores them against the truth like leadflow's resolution."""
    from splink import DuckDBAPI, Linker, block_on

    work_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        # spills go next to the sample, not into the current directory
        con.execute(f"set temp_directory = '{work_dir / 'duckdb_tmp'}'")
        con.execute(f"attach '{warehouse}' as warehouse (read_only)")
        started = time.perf_counter()
        con.execute(_RECORDS)
        db_api = DuckDBAPI(con)
        linker = Linker(db_api.register("person_records"), _settings(), log_level=logging.WARNING)
        linker.training.estimate_probability_two_random_records_match(
            [block_on("email"), *(block_on(link) for link in _LINKS)], recall=DETERMINISTIC_RECALL
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=seed)
        # each session leaves the comparisons of its blocking columns untrained; together the
        # three train every comparison at least once
        for blocking in (block_on("email"), block_on("phone"), block_on("first_name", "last_name")):
            linker.training.estimate_parameters_using_expectation_maximisation(
                blocking, estimate_without_term_frequencies=True
            )
        predictions = linker.inference.predict(warning_mode="never")
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=MATCH_THRESHOLD
        )
        con.execute(
            "create or replace table splink_clusters as "
            "select records.source_system, records.source_object, records.source_record_id, "
            "records._file, records._row, clusters.cluster_id "
            f"from {clusters.physical_name} as clusters "
            "inner join person_records as records on clusters.unique_id = records.unique_id"
        )
        seconds = time.perf_counter() - started
        row = con.execute(f"select count(*) from {predictions.physical_name}").fetchone()
        assert row is not None
        comparisons = int(row[0])
        report = score_clusters(
            con, "splink_clusters", truth_dir, comparisons=comparisons, method=method_name()
        )
    return SplinkResult(report=report, seconds=seconds)
