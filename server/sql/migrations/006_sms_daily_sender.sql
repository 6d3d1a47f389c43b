-- The SMS daily rollup keeps the sending number of outbound texts only. The summary uses a number
-- for the carrier-blocking shares of the dealer's sending numbers, which only outbound texts count
-- in; an inbound text's number is the customer's, which made the rollup a row per customer and day
-- (3.9M rows for 10M texts in the scale bench) for no figure. Inbound and other rows now keep ''.

CREATE OR REPLACE FUNCTION sms_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sms_daily AS d (tenant_id, day, from_number, direction, status, error_category, messages)
  SELECT tenant_id, day, CASE WHEN direction = 'outbound' THEN from_number ELSE '' END, direction, status, coalesce(error_category, ''), count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tenant_id, day, from_number, direction, status, error_category)
  DO UPDATE SET messages = d.messages + excluded.messages;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION sms_daily_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sms_daily AS d SET messages = d.messages - o.n
  FROM (
    SELECT tenant_id, day, CASE WHEN direction = 'outbound' THEN from_number ELSE '' END AS from_number,
      direction, status, coalesce(error_category, '') AS error_category, count(*) AS n
    FROM old_rows
    GROUP BY 1, 2, 3, 4, 5, 6
  ) o
  WHERE (d.tenant_id, d.day, d.from_number, d.direction, d.status, d.error_category)
      = (o.tenant_id, o.day, o.from_number, o.direction, o.status, o.error_category);
  DELETE FROM sms_daily WHERE messages <= 0;
  RETURN NULL;
END
$$;

-- Every tenant's rollup is rebuilt from the log under the new key. Row security is off for this
-- transaction: an owner that may not bypass it gets an error here, never a rollup the policy emptied.
SET LOCAL row_security = off;

DELETE FROM sms_daily;

INSERT INTO sms_daily (tenant_id, day, from_number, direction, status, error_category, messages)
SELECT tenant_id, day, CASE WHEN direction = 'outbound' THEN from_number ELSE '' END, direction, status, coalesce(error_category, ''), count(*)
FROM sms
GROUP BY 1, 2, 3, 4, 5, 6;
