-- A rebuild in bulk on PostgreSQL fills the read models it only appends to in tables of their own here, without
-- indexes, and swaps them in at its commit (ShadowTables). Empty at every other time.
CREATE SCHEMA IF NOT EXISTS cpm_rebuild;
