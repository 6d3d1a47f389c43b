-- Tenants, the SMS log with its daily rollup, sources and customers, and the stored answers of
-- writes (idempotency keys). Every table carries tenant_id, and row-level security lets a
-- request see and change only the rows of the tenant in `app.tenant` (set per transaction from
-- the verified token). FORCE applies the policies to the tables' owner too.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'forecourt_app') THEN
    CREATE ROLE forecourt_app NOLOGIN;
  END IF;
END
$$;

CREATE TABLE tenants (
  tenant_id text PRIMARY KEY,
  -- The dealer's IANA zone: the calendar days of reports and rollups are its days.
  zone text NOT NULL,
  dealer jsonb NOT NULL
);

CREATE TABLE sms (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  sent_at timestamptz NOT NULL,
  -- The calendar day of sent_at in the tenant's zone, the rollup's key.
  day date NOT NULL,
  direction text NOT NULL,
  status text NOT NULL,
  error_code text,
  error_category text,
  from_number text NOT NULL,
  employee_id text,
  customer_id text,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- Keyset paging of the history, either way.
CREATE INDEX sms_by_time ON sms (tenant_id, sent_at, id);

-- The messages matching the SMS history's filter, from start (inclusive) to end (exclusive); a
-- null argument does not filter. A plain SQL function: PostgreSQL inlines it into the query that
-- calls it, so the caller's ORDER BY and LIMIT use sms_by_time, and row-level security applies.
CREATE FUNCTION sms_matching(
  p_start timestamptz, p_end timestamptz, p_direction text, p_status text, p_category text,
  p_code text, p_employee text, p_customer text, p_text text
) RETURNS SETOF sms LANGUAGE sql STABLE AS $$
  SELECT * FROM sms
  WHERE sent_at >= p_start AND sent_at < p_end
    AND (p_direction IS NULL OR direction = p_direction)
    AND (p_status IS NULL OR status = p_status)
    AND (p_category IS NULL OR error_category = p_category)
    AND (p_code IS NULL OR error_code = p_code)
    AND (p_employee IS NULL OR employee_id = p_employee)
    AND (p_customer IS NULL OR customer_id = p_customer)
    AND (p_text IS NULL
      OR strpos(lower(doc->>'body'), p_text) > 0
      OR strpos(lower(doc->>'from'), p_text) > 0
      OR strpos(lower(doc->>'to'), p_text) > 0
      OR strpos(lower(coalesce(doc->>'customerName', '')), p_text) > 0
      OR strpos(lower(coalesce(doc->>'employeeName', '')), p_text) > 0)
$$;

CREATE TABLE sms_daily (
  tenant_id text NOT NULL REFERENCES tenants,
  day date NOT NULL,
  from_number text NOT NULL,
  direction text NOT NULL,
  status text NOT NULL,
  error_category text NOT NULL DEFAULT '',
  messages integer NOT NULL,
  PRIMARY KEY (tenant_id, day, from_number, direction, status, error_category)
);

CREATE TABLE sources (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  category_id text,
  deleted boolean NOT NULL DEFAULT false,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE customers (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  last_name text NOT NULL,
  first_name text NOT NULL,
  source_id text,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX customers_by_name ON customers (tenant_id, last_name, first_name, id);

-- True when a customer's source is unknown: none, missing, deleted or not mapped to a category.
CREATE FUNCTION source_is_unknown(p_source_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM sources WHERE id = p_source_id AND NOT deleted AND category_id IS NOT NULL)
$$;

-- The customers whose name, phone or e-mail contains p_text (lowercase; null: any), and whose
-- source is unknown (p_unknown true), known (false) or either (null).
CREATE FUNCTION customers_matching(p_text text, p_unknown boolean) RETURNS SETOF customers LANGUAGE sql STABLE AS $$
  SELECT * FROM customers
  WHERE (p_text IS NULL
      OR strpos(lower(first_name || ' ' || last_name), p_text) > 0
      OR strpos(lower(coalesce(doc->>'phone', '')), p_text) > 0
      OR strpos(lower(coalesce(doc->>'email', '')), p_text) > 0)
    AND (p_unknown IS NULL OR p_unknown = source_is_unknown(source_id))
$$;

CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL REFERENCES tenants,
  key text NOT NULL,
  request text NOT NULL,
  status integer NOT NULL,
  answer json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

-- The rollup follows every write to the log: one statement, one pass over its rows.
CREATE FUNCTION sms_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sms_daily AS d (tenant_id, day, from_number, direction, status, error_category, messages)
  SELECT tenant_id, day, from_number, direction, status, coalesce(error_category, ''), count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tenant_id, day, from_number, direction, status, error_category)
  DO UPDATE SET messages = d.messages + excluded.messages;
  RETURN NULL;
END
$$;

CREATE FUNCTION sms_daily_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sms_daily AS d SET messages = d.messages - o.n
  FROM (
    SELECT tenant_id, day, from_number, direction, status, coalesce(error_category, '') AS error_category, count(*) AS n
    FROM old_rows
    GROUP BY 1, 2, 3, 4, 5, 6
  ) o
  WHERE (d.tenant_id, d.day, d.from_number, d.direction, d.status, d.error_category)
      = (o.tenant_id, o.day, o.from_number, o.direction, o.status, o.error_category);
  DELETE FROM sms_daily WHERE messages <= 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER sms_daily_on_insert AFTER INSERT ON sms
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sms_daily_add();
CREATE TRIGGER sms_daily_on_update_old AFTER UPDATE ON sms
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sms_daily_remove();
CREATE TRIGGER sms_daily_on_update_new AFTER UPDATE ON sms
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sms_daily_add();
CREATE TRIGGER sms_daily_on_delete AFTER DELETE ON sms
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sms_daily_remove();

-- Puts a table under the tenancy rule: row-level security, forced on its owner too, lets a
-- transaction see and write only the rows of the tenant in app.tenant; the request role may use it.
-- Every migration calls it for each table it adds.
CREATE FUNCTION forecourt_tenant_table(p_table regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format(
    'CREATE POLICY tenant_only ON %s USING (tenant_id = current_setting(''app.tenant'', true)) WITH CHECK (tenant_id = current_setting(''app.tenant'', true))',
    p_table
  );
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO forecourt_app', p_table);
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO forecourt_app', current_schema());
END
$$;

SELECT forecourt_tenant_table(t::regclass)
FROM unnest(ARRAY['tenants', 'sms', 'sms_daily', 'sources', 'customers', 'idempotency_keys']) AS t;
