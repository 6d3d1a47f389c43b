-- The board: the vehicles in the shop on a day, each with its customer, in the board's order.

CREATE TABLE board (
  tenant_id text NOT NULL REFERENCES tenants,
  id text NOT NULL,
  date date NOT NULL,
  position integer NOT NULL,
  customer_id text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX board_by_day ON board (tenant_id, date, position);

ALTER TABLE board ENABLE ROW LEVEL SECURITY;
ALTER TABLE board FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_only ON board
  USING (tenant_id = current_setting('app.tenant', true))
  WITH CHECK (tenant_id = current_setting('app.tenant', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON board TO forecourt_app;
