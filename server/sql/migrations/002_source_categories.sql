-- The categories sources are mapped to (the source report's rows), per tenant like every table.

CREATE TABLE source_categories (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  sort_order integer NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

SELECT forecourt_tenant_table('source_categories');
