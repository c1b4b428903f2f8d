"""When each team's daily refresh runs, and the weekly scoring review: the one place to change a
team's time or time zone.

Every team gets the same job (load, build, test, publish); a run is tagged with its team so the
run log and the report say whose morning it served. The Japan run lands before the Tokyo sales
floor starts at 09:00 JST; the global run before London opens, which is also evening in the
Americas for the previous business day.
"""

from __future__ import annotations

from dataclasses import dataclass

import dagster as dg

from orchestration.jobs import daily_refresh, scoring_review


@dataclass(frozen=True)
class TeamRefresh:
    team: str
    timezone: str
    cron: str
    """Cron in the team's own time zone, so daylight saving moves with the team."""
    report_region: str
    """The region tab the team's report opens on (GLOBAL or a geo_region code)."""
    language: str
    """The language the team's report opens in (en or ja); the other is one click away."""


TEAM_REFRESHES: tuple[TeamRefresh, ...] = (
    TeamRefresh(team="global", timezone="UTC", cron="0 6 * * *", report_region="GLOBAL", language="en"),
    TeamRefresh(team="japan", timezone="Asia/Tokyo", cron="30 7 * * *", report_region="JP", language="ja"),
)


def team_schedule(refresh: TeamRefresh) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name=f"{refresh.team}_daily_refresh",
        job=daily_refresh,
        cron_schedule=refresh.cron,
        execution_timezone=refresh.timezone,
        tags={"team": refresh.team},
        description=f"Daily refresh for the {refresh.team} team at {refresh.cron} ({refresh.timezone}).",
        default_status=dg.DefaultScheduleStatus.RUNNING,
    )


team_schedules = [team_schedule(refresh) for refresh in TEAM_REFRESHES]

# Mondays after Japan's Monday refresh (22:30 UTC on Sunday) and before the global one (06:00 UTC),
# so the week's review starts from the reports both teams read that morning. Runs queue one at a
# time (dagster.yaml), so an overrun delays the next refresh instead of colliding with it.
scoring_review_schedule = dg.ScheduleDefinition(
    name="weekly_scoring_review",
    job=scoring_review,
    cron_schedule="0 2 * * 1",
    execution_timezone="UTC",
    description="Weekly scoring review (backtest, calibration) on Mondays at 02:00 UTC.",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def team_refresh(team: str) -> TeamRefresh:
    """The refresh of `team`; runs started by hand or by the sensor carry no team and serve the
    global one."""
    by_team = {refresh.team: refresh for refresh in TEAM_REFRESHES}
    return by_team.get(team, by_team["global"])
