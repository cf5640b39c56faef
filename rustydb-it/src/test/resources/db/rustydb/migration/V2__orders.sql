/* Orders reference customers; a sequence numbers the invoices. */
CREATE TABLE purchase_order (
    id UUID PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    total NUMERIC(10, 2) NOT NULL CHECK (total >= 0),
    status VARCHAR(16) NOT NULL DEFAULT 'NEW'
);
CREATE INDEX ix_order_customer ON purchase_order (customer_id);
CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 1;
