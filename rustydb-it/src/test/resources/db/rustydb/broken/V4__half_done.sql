-- Creates a table and changes data, then fails: all of it must roll back (transactional DDL).
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, note TEXT);
INSERT INTO audit_log VALUES (1, 'started');
UPDATE customer SET name = 'changed';
INSERT INTO customer (email, name) VALUES ('ada@example.org', 'Ada again');
