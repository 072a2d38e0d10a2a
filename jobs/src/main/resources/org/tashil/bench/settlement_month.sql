-- settlement_month of one period in DuckDB SQL: the benchmark's peer of the Spark mart written by
-- org.tashil.aggregate.AggregateJob, with the same columns and the same definitions (contract §5,
-- docs/indicators.md says what each figure means). Sections below cite the contract.
--
-- DuckDbSession registers the inputs before these statements run:
--   clean_households, clean_demands, clean_activities        the clean tables' current Parquet files
--   quarantine_households, quarantine_demands, quarantine_activities
--   settlements, agencies                                    the registry (contract §3)
-- SettlementMonthSql fills in each ${...} from the Java definitions, so that each stays defined in
-- one place: the period and its days, and the previous period's (org.tashil.calendar.Period); the deprivations' weights in
-- sixtieths, the slum deprivations and the poverty line (org.tashil.aggregate.Deprivation).
-- Statements end with a semicolon at the end of a line; the last one is the mart.

-- A share is a ratio of two counts; it has no value (null) where its denominator is zero
-- (docs/indicators.md §7; Shares.ratio in Spark).
CREATE TEMP MACRO share(numerator, denominator) AS
  CASE WHEN denominator IS NULL OR denominator = 0 THEN NULL
       ELSE CAST(numerator AS DOUBLE) / CAST(denominator AS DOUBLE) END;

-- §5.1 The household basis at the period: for each settlement and household code, the latest
-- survey made on or before the period's last day, from every period up to it; ties go to the
-- later period, then the later source file and line (AsOf.householdsAsOfPeriod).
CREATE TEMP VIEW households_as_of_period AS
SELECT *
FROM clean_households
WHERE period <= '${period}' AND surveyed_on <= DATE '${last_day}'
QUALIFY row_number() OVER (
  PARTITION BY settlement_id, household_code
  ORDER BY surveyed_on DESC, period DESC, source_file DESC, source_line DESC) = 1;

-- §5.2 The ten deprivations of each household (1 = deprived); §5.3 its score c in sixtieths
-- (score_sixtieths = Σ flag × weight: 6 for the first five, 5 for electricity, gas, insurance and
-- employment, 10 for schooling), poor when c ≥ 1/3 (${poverty_line_sixtieths}/60, compared exactly in
-- integers); a slum household has at least one of the first five (Deprivation, HouseholdIndicators).
CREATE TEMP VIEW household_flags AS
WITH deprivations AS (
  SELECT *,
    CASE WHEN water NOT IN ('piped_dwelling', 'piped_yard', 'public_tap', 'well_protected')
         THEN 1 ELSE 0 END AS flag_water,
    CASE WHEN sanitation NOT IN ('sewer', 'septic_tank', 'improved_pit')
         THEN 1 ELSE 0 END AS flag_sanitation,
    -- No habitable room, or more than 3 persons per room (3 is not crowded).
    CASE WHEN habitable_rooms = 0 OR members > habitable_rooms * 3
         THEN 1 ELSE 0 END AS flag_crowding,
    CASE WHEN walls IN ('mud', 'tin', 'makeshift') OR hazard_zone = 'yes'
         THEN 1 ELSE 0 END AS flag_durable,
    CASE WHEN tenure IN ('rent_informal', 'occupied_informal', 'none')
         THEN 1 ELSE 0 END AS flag_tenure,
    CASE WHEN electricity <> 'metered' THEN 1 ELSE 0 END AS flag_electricity,
    CASE WHEN piped_gas = 'no' THEN 1 ELSE 0 END AS flag_gas,
    CASE WHEN children_in_school < children_6_17 THEN 1 ELSE 0 END AS flag_schooling,
    CASE WHEN insured_members < members THEN 1 ELSE 0 END AS flag_insurance,
    CASE WHEN head_employed = 'no' THEN 1 ELSE 0 END AS flag_employment
  FROM households_as_of_period
),
scored AS (
  SELECT *, ${score_sixtieths} AS score_sixtieths
  FROM deprivations
)
SELECT *,
  ${slum_flag} AS flag_slum,
  CASE WHEN score_sixtieths >= ${poverty_line_sixtieths} THEN 1 ELSE 0 END AS flag_poor
FROM scored;

-- §5.2, §5.3 and the hazard zone (§5.5): each settlement's household sums, from which the shares
-- and H, A, M0 are derived below (HouseholdIndicators.sums).
CREATE TEMP VIEW household_sums AS
SELECT
  settlement_id,
  count(*)::INTEGER AS households,
  sum(members)::BIGINT AS persons,
  ${deprivation_counts},
  sum(flag_slum)::INTEGER AS slum_households,
  sum(flag_slum * members)::BIGINT AS slum_persons,
  sum(flag_poor)::INTEGER AS poor_households,
  sum(flag_poor * members)::BIGINT AS poor_persons,
  sum(flag_poor * members * score_sixtieths)::BIGINT AS poor_weighted_score_sixtieths,
  count(*) FILTER (WHERE hazard_zone = 'yes')::INTEGER AS hazard_households,
  count(*) FILTER (WHERE relocation_consent = 'yes')::INTEGER AS consent_yes,
  count(*) FILTER (WHERE relocation_consent = 'no')::INTEGER AS consent_no,
  count(*) FILTER (WHERE relocation_consent = 'undecided')::INTEGER AS consent_undecided
FROM household_flags
GROUP BY settlement_id;

-- §5.4 The demand states at the period's end: for each office and demand id, the latest version
-- updated on or before the period's last day (ties: the later period, then the later source file
-- and line), with its agency's SLA days (AsOf.demandsAsOfPeriod).
CREATE TEMP VIEW demands_as_of_period AS
SELECT latest.*, agencies.sla_days
FROM (
  SELECT *
  FROM clean_demands
  WHERE period <= '${period}' AND updated_on <= DATE '${last_day}'
  QUALIFY row_number() OVER (
    PARTITION BY office_id, demand_id
    ORDER BY updated_on DESC, period DESC, source_file DESC, source_line DESC) = 1
) AS latest
JOIN agencies USING (agency_id);

-- §5.4 What each demand state counts for in the period: new (registered in it); resolved,
-- rejected, withdrawn (that status, closed in it); open at its end (registered, referred,
-- in progress) with its age = last day − registered_on; days to resolve of those resolved in it;
-- SLA met (resolved within the agency's SLA days, the limit included); overdue (open and older
-- than the SLA) (DemandIndicators.withFlags).
CREATE TEMP VIEW demand_flags AS
WITH states AS (
  SELECT *,
    status IN ('registered', 'referred', 'in_progress') AS open_at_end,
    coalesce(closed_on BETWEEN DATE '${first_day}' AND DATE '${last_day}', false)
      AS closed_in_period,
    (DATE '${last_day}' - registered_on)::INTEGER AS age,
    (closed_on - registered_on)::INTEGER AS days_closed_after
  FROM demands_as_of_period
)
SELECT *,
  CASE WHEN registered_on BETWEEN DATE '${first_day}' AND DATE '${last_day}'
       THEN 1 ELSE 0 END AS is_new,
  CASE WHEN status = 'resolved' AND closed_in_period THEN 1 ELSE 0 END AS is_resolved,
  CASE WHEN status = 'rejected' AND closed_in_period THEN 1 ELSE 0 END AS is_rejected,
  CASE WHEN status = 'withdrawn' AND closed_in_period THEN 1 ELSE 0 END AS is_withdrawn,
  CASE WHEN open_at_end THEN 1 ELSE 0 END AS is_open,
  CASE WHEN open_at_end THEN age END AS open_age,
  CASE WHEN status = 'resolved' AND closed_in_period THEN days_closed_after END
    AS days_to_resolve,
  CASE WHEN status = 'resolved' AND closed_in_period AND days_closed_after <= sla_days
       THEN 1 ELSE 0 END AS is_sla_met,
  CASE WHEN open_at_end AND age > sla_days THEN 1 ELSE 0 END AS is_overdue
FROM states;

-- §5.4 Each settlement's demand figures: counts, open demands by age (0–30, 31–90, 91–180 and
-- over 180 days), SLA met, overdue, households affected by open demands; the exact median and
-- 90th percentile of days to resolve, interpolating linearly between the two nearest values, and
-- the oldest open demand's age (DemandIndicators.sums and statistics).
CREATE TEMP VIEW demand_sums AS
SELECT
  settlement_id,
  sum(is_new)::INTEGER AS demands_new,
  sum(is_resolved)::INTEGER AS demands_resolved,
  sum(is_rejected)::INTEGER AS demands_rejected,
  sum(is_withdrawn)::INTEGER AS demands_withdrawn,
  sum(is_open)::INTEGER AS demands_open,
  count(*) FILTER (WHERE open_age BETWEEN 0 AND 30)::INTEGER AS open_age_0_30,
  count(*) FILTER (WHERE open_age BETWEEN 31 AND 90)::INTEGER AS open_age_31_90,
  count(*) FILTER (WHERE open_age BETWEEN 91 AND 180)::INTEGER AS open_age_91_180,
  count(*) FILTER (WHERE open_age > 180)::INTEGER AS open_age_over_180,
  sum(is_sla_met)::INTEGER AS sla_met,
  sum(is_overdue)::INTEGER AS open_overdue,
  sum(is_open * households_affected)::BIGINT AS households_affected_open,
  quantile_cont(days_to_resolve, 0.5)::DOUBLE AS days_to_resolve_median,
  quantile_cont(days_to_resolve, 0.9)::DOUBLE AS days_to_resolve_p90,
  max(open_age)::INTEGER AS oldest_open_days
FROM demand_flags
GROUP BY settlement_id;

-- docs/indicators.md §3.1 The demand states at the previous period's end as that period's figures
-- read them: its own pick, over the versions of the periods up to it (AggregateJob's second pick).
CREATE TEMP VIEW demands_as_of_previous AS
SELECT latest.*
FROM (
  SELECT *
  FROM clean_demands
  WHERE period <= '${previous_period}' AND updated_on <= DATE '${previous_last_day}'
  QUALIFY row_number() OVER (
    PARTITION BY office_id, demand_id
    ORDER BY updated_on DESC, period DESC, source_file DESC, source_line DESC) = 1
) AS latest
JOIN agencies USING (agency_id);

-- docs/indicators.md §3.1 The month's balance of open demands: each demand's change in a
-- settlement = its open state at the end − new − ... + closed in the period (this period's state, in
-- its settlement) − open at the start (the previous period's state, in its settlement); 0 for a
-- demand reported as it happened, added up by sign otherwise (DemandIndicators.balanceParts,
-- Levels.balance).
CREATE TEMP VIEW demand_balance AS
WITH parts AS (
  SELECT office_id, demand_id, settlement_id, 1 AS open_start, -1 AS change
  FROM demands_as_of_previous
  WHERE status IN ('registered', 'referred', 'in_progress')
  UNION ALL
  SELECT office_id, demand_id, settlement_id, 0,
    is_open - is_new + is_resolved + is_rejected + is_withdrawn
  FROM demand_flags
),
by_demand AS (
  SELECT settlement_id, office_id, demand_id,
    sum(open_start) AS open_start, sum(change) AS change
  FROM parts
  GROUP BY settlement_id, office_id, demand_id
)
SELECT
  settlement_id,
  sum(open_start)::INTEGER AS demands_open_start,
  sum(CASE WHEN change > 0 THEN change ELSE 0 END)::INTEGER AS demands_late_added,
  sum(CASE WHEN change < 0 THEN -change ELSE 0 END)::INTEGER AS demands_late_removed
FROM by_demand
GROUP BY settlement_id;

-- §5.5 The activities held in the period, as the offices reported them.
CREATE TEMP VIEW activity_sums AS
SELECT
  settlement_id,
  count(*)::INTEGER AS activities,
  sum(participants)::BIGINT AS participants,
  sum(women_participants)::BIGINT AS women_participants
FROM clean_activities
WHERE period = '${period}'
GROUP BY settlement_id;

-- §5.5 Rows accepted and quarantined in the period per dataset, by the settlement each row names
-- (a quarantined row by the settlement_id written in it, upper-cased and trimmed of spaces).
CREATE TEMP VIEW row_counts AS
WITH period_rows AS (
  SELECT settlement_id, 'households' AS dataset, 1 AS accepted
  FROM clean_households WHERE period = '${period}'
  UNION ALL
  SELECT upper(trim(raw['settlement_id'], ' ')), 'households', 0
  FROM quarantine_households WHERE period = '${period}'
  UNION ALL
  SELECT settlement_id, 'demands', 1
  FROM clean_demands WHERE period = '${period}'
  UNION ALL
  SELECT upper(trim(raw['settlement_id'], ' ')), 'demands', 0
  FROM quarantine_demands WHERE period = '${period}'
  UNION ALL
  SELECT settlement_id, 'activities', 1
  FROM clean_activities WHERE period = '${period}'
  UNION ALL
  SELECT upper(trim(raw['settlement_id'], ' ')), 'activities', 0
  FROM quarantine_activities WHERE period = '${period}'
)
SELECT
  settlement_id,
  count(*) FILTER (WHERE dataset = 'households' AND accepted = 1)::INTEGER
    AS rows_accepted_households,
  count(*) FILTER (WHERE dataset = 'households' AND accepted = 0)::INTEGER
    AS rows_quarantined_households,
  count(*) FILTER (WHERE dataset = 'demands' AND accepted = 1)::INTEGER
    AS rows_accepted_demands,
  count(*) FILTER (WHERE dataset = 'demands' AND accepted = 0)::INTEGER
    AS rows_quarantined_demands,
  count(*) FILTER (WHERE dataset = 'activities' AND accepted = 1)::INTEGER
    AS rows_accepted_activities,
  count(*) FILTER (WHERE dataset = 'activities' AND accepted = 0)::INTEGER
    AS rows_quarantined_activities
FROM period_rows
GROUP BY settlement_id;

-- §5.5 settlement_month: one row per registry settlement, with zeros where nothing happened and
-- no value for a share, a median or an age without data (docs/indicators.md §7).
-- H = poor persons / persons; A = Σ(members·c over the poor) / poor persons, 0 when none is poor;
-- M0 = Σ(members·c over the poor) / persons = H × A (§5.3).
WITH figures AS (
  SELECT
    s.settlement_id, s.name_fa, s.name_en, s.county_fa, s.county_en, s.city_fa, s.office_id,
    s.est_households, s.est_population, s.hazard,
    coalesce(h.households, 0) AS households,
    coalesce(h.persons, 0) AS persons,
    ${deprivation_counts_or_zero},
    coalesce(h.slum_households, 0) AS slum_households,
    coalesce(h.slum_persons, 0) AS slum_persons,
    coalesce(h.poor_households, 0) AS poor_households,
    coalesce(h.poor_persons, 0) AS poor_persons,
    coalesce(h.poor_weighted_score_sixtieths, 0) AS poor_weighted_score_sixtieths,
    coalesce(h.hazard_households, 0) AS hazard_households,
    coalesce(h.consent_yes, 0) AS consent_yes,
    coalesce(h.consent_no, 0) AS consent_no,
    coalesce(h.consent_undecided, 0) AS consent_undecided,
    coalesce(d.demands_new, 0) AS demands_new,
    coalesce(d.demands_resolved, 0) AS demands_resolved,
    coalesce(d.demands_rejected, 0) AS demands_rejected,
    coalesce(d.demands_withdrawn, 0) AS demands_withdrawn,
    coalesce(d.demands_open, 0) AS demands_open,
    coalesce(d.open_age_0_30, 0) AS open_age_0_30,
    coalesce(d.open_age_31_90, 0) AS open_age_31_90,
    coalesce(d.open_age_91_180, 0) AS open_age_91_180,
    coalesce(d.open_age_over_180, 0) AS open_age_over_180,
    coalesce(d.sla_met, 0) AS sla_met,
    coalesce(d.open_overdue, 0) AS open_overdue,
    coalesce(d.households_affected_open, 0) AS households_affected_open,
    coalesce(b.demands_open_start, 0) AS demands_open_start,
    coalesce(b.demands_late_added, 0) AS demands_late_added,
    coalesce(b.demands_late_removed, 0) AS demands_late_removed,
    d.days_to_resolve_median,
    d.days_to_resolve_p90,
    d.oldest_open_days,
    coalesce(a.activities, 0) AS activities,
    coalesce(a.participants, 0) AS participants,
    coalesce(a.women_participants, 0) AS women_participants,
    coalesce(r.rows_accepted_households, 0) AS rows_accepted_households,
    coalesce(r.rows_quarantined_households, 0) AS rows_quarantined_households,
    coalesce(r.rows_accepted_demands, 0) AS rows_accepted_demands,
    coalesce(r.rows_quarantined_demands, 0) AS rows_quarantined_demands,
    coalesce(r.rows_accepted_activities, 0) AS rows_accepted_activities,
    coalesce(r.rows_quarantined_activities, 0) AS rows_quarantined_activities
  FROM settlements AS s
  LEFT JOIN household_sums AS h USING (settlement_id)
  LEFT JOIN demand_sums AS d USING (settlement_id)
  LEFT JOIN demand_balance AS b USING (settlement_id)
  LEFT JOIN activity_sums AS a USING (settlement_id)
  LEFT JOIN row_counts AS r USING (settlement_id)
),
indicators AS (
SELECT *,
  share(households, est_households) AS coverage,
  ${deprivation_shares},
  share(slum_households, households) AS slum_households_share,
  share(slum_persons, persons) AS slum_persons_share,
  share(poor_persons, persons) AS h,
  CASE WHEN persons = 0 THEN NULL
       WHEN poor_persons = 0 THEN 0.0
       ELSE CAST(poor_weighted_score_sixtieths AS DOUBLE) / (poor_persons * ${sixtieths})
  END AS a,
  share(poor_weighted_score_sixtieths, persons * ${sixtieths}) AS m0,
  share(sla_met, demands_resolved) AS sla_met_share
FROM figures
)
-- Each settlement's place by M0, most deprived first, ties by id; none without an M0.
SELECT *,
  CASE WHEN m0 IS NULL THEN NULL
       ELSE row_number() OVER (ORDER BY m0 DESC NULLS LAST, settlement_id) END::INTEGER AS m0_rank,
  count(m0) OVER ()::INTEGER AS m0_ranked,
  '${period}' AS period
FROM indicators
ORDER BY settlement_id;
