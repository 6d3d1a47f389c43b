-- Each salesperson's name, as the first of their events gave it.
SELECT salesperson_id AS id, name FROM traffic_salespeople
