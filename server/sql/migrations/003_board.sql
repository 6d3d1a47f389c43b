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

SELECT forecourt_tenant_table('board');
