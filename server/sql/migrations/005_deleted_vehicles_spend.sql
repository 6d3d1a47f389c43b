-- Deleted customers and merge leftovers with their restore log, the wants of "Need Car Locate"
-- customers, invoices (the source report's revenue) and marketing spend. Ids, and the keys the
-- lists sort on, compare as bytes (COLLATE "C"), as the app compares strings, so a keyset page
-- follows the same order as the memory adapter. The search_text, phone_digits, make_key and
-- sort_* columns are written by the app from the shared rules (src/data/logic/deleted.ts,
-- vehicles.ts), never computed here, so both backends match by one rule.

CREATE TABLE deleted_records (
  tenant_id text NOT NULL REFERENCES tenants,
  id text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  deleted_at timestamptz NOT NULL,
  reason text NOT NULL,
  restored boolean NOT NULL,
  customer_id text NOT NULL,
  merged_into_id text,
  -- The record's words a search looks in (lowercase, one a line), and its phone's digits.
  search_text text NOT NULL,
  phone_digits text NOT NULL,
  -- json, not jsonb: the order of a record's fields is the order a restore puts them back in.
  doc json NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- The report's keyset: newest first, then by id.
CREATE INDEX deleted_by_time ON deleted_records (tenant_id, deleted_at DESC, id);

-- The deleted records a report lists: deleted in [p_start, p_end), of reason p_reason, restored
-- ones only when p_restored, and matching the search (p_text in the words, or p_digits in the
-- phone's digits; both null: any). Inlined into its caller, like sms_matching.
CREATE FUNCTION deleted_matching(
  p_start timestamptz, p_end timestamptz, p_reason text, p_restored boolean, p_text text, p_digits text
) RETURNS SETOF deleted_records LANGUAGE sql STABLE AS $$
  SELECT * FROM deleted_records
  WHERE deleted_at >= p_start AND deleted_at < p_end
    AND (p_reason IS NULL OR reason = p_reason)
    AND (p_restored OR NOT restored)
    AND ((p_text IS NULL AND p_digits IS NULL)
      OR strpos(search_text, p_text) > 0
      OR strpos(phone_digits, p_digits) > 0)
$$;

CREATE TABLE restore_log (
  tenant_id text NOT NULL REFERENCES tenants,
  -- The order entries were written in: equal times list the later first.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text NOT NULL,
  record_id text NOT NULL,
  customer_id text NOT NULL,
  from_customer_id text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX restore_log_by_time ON restore_log (tenant_id, at DESC, seq DESC);

CREATE TABLE wants (
  tenant_id text NOT NULL REFERENCES tenants,
  id text COLLATE "C" NOT NULL,
  customer_id text NOT NULL,
  make_key text NOT NULL,
  sort_make text COLLATE "C" NOT NULL,
  sort_model text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  search_text text NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- The needed-vehicles list's keyset: make, model, newest want first, id.
CREATE INDEX wants_by_vehicle ON wants (tenant_id, sort_make, sort_model, created_at DESC, id);
CREATE INDEX wants_by_make ON wants (tenant_id, make_key);


CREATE TABLE invoices (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  customer_id text NOT NULL,
  date date NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX invoices_by_date ON invoices (tenant_id, date);

CREATE TABLE spend (
  tenant_id text NOT NULL REFERENCES tenants,
  -- The order rows were added in, which the spend list keeps.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text NOT NULL,
  month text NOT NULL,
  category_id text NOT NULL,
  source_id text NOT NULL DEFAULT '',
  version integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- One row per month, category and source ('' for the category as a whole).
  UNIQUE (tenant_id, month, category_id, source_id)
);

SELECT forecourt_tenant_table(t::regclass)
FROM unnest(ARRAY['deleted_records', 'restore_log', 'wants', 'invoices', 'spend']) AS t;
