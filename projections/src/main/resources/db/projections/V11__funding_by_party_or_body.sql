-- Funding is grouped by who it comes from: a party's code, or the body (e.g. FINANCE_COMMITTEE), never a person's
-- sign-in name (the demo's `finance-committee`).
UPDATE funding_entry SET party = party_role WHERE party_role NOT IN ('CONTRACTING_PARTY', 'RPPO');
