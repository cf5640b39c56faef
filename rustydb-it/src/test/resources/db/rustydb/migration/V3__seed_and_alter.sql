INSERT INTO customer (email, name) VALUES ('ada@example.org', 'Ada'), ('alan@example.org', 'Alan');
ALTER TABLE customer ADD COLUMN vip BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE customer SET vip = TRUE WHERE name = 'Ada';
INSERT INTO purchase_order (id, customer_id, total)
    SELECT CAST('6f1c2a8e-1111-4d5e-9a00-000000000001' AS UUID), id, 12.50 FROM customer WHERE name = 'Ada';
