-- The categories sources are mapped to (the source report's rows), per tenant like every table.

CREATE TABLE source_categories (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  sort_order integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

ALTER TABLE source_categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE source_categories FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_only ON source_categories
  USING (tenant_id = current_setting('app.tenant', true))
  WITH CHECK (tenant_id = current_setting('app.tenant', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON source_categories TO forecourt_app;
