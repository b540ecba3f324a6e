-- The override register: per day (UTC) of the machine's current attribution and per machine cause,
-- how many reports analysts re-attributed to another cause, and the override rate (trend it by day).

CREATE VIEW override_register AS
SELECT CAST(a.attributed_day AS VARCHAR) AS period_day, a.cause, a.reports,
       COALESCE(o.overrides, 0) AS overrides,
       CAST(COALESCE(o.overrides, 0) AS DOUBLE) / a.reports AS override_rate
  FROM (SELECT CAST(a_written_at AS DATE) AS attributed_day, cause, COUNT(*) AS reports
          FROM attribution_current GROUP BY CAST(a_written_at AS DATE), cause) a
  LEFT JOIN (SELECT CAST(ac.a_written_at AS DATE) AS attributed_day, ac.cause, COUNT(DISTINCT e.target_id) AS overrides
               FROM edit_logs e JOIN attribution_current ac ON e.target_id = ac.report_id
              WHERE e.action = 'edit_attribution' AND e.cause <> ac.cause
              GROUP BY CAST(ac.a_written_at AS DATE), ac.cause) o
    ON a.attributed_day = o.attributed_day AND a.cause = o.cause;
