-- Assessments: the organisation answers, the workloads and their results.
CREATE TABLE assessments (
	id            TEXT PRIMARY KEY,          -- unguessable random id
	session_id    TEXT NOT NULL,             -- the browser session that owns it
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	org_input     TEXT NOT NULL,             -- JSON: the answers as given
	organization  TEXT NOT NULL,             -- JSON: resolved, defaults applied
	rules_version TEXT NOT NULL              -- sha256 of the rules file used
) STRICT;
CREATE INDEX assessments_session ON assessments(session_id, created_at);

CREATE TABLE workloads (
	assessment_id  TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	name           TEXT NOT NULL,
	input          TEXT NOT NULL,            -- JSON: answers as given
	workload       TEXT NOT NULL,            -- JSON: resolved
	recommendation TEXT NOT NULL,            -- JSON: scores, rules fired, confidence
	options        TEXT NOT NULL,            -- JSON: priced options
	PRIMARY KEY (assessment_id, position)
) STRICT;

-- Price catalogs. Each import builds one version; it becomes active only when
-- complete, and then retires the previous version of the same scope.
CREATE TABLE catalog_versions (
	id          INTEGER PRIMARY KEY,
	provider    TEXT NOT NULL,
	scope       TEXT NOT NULL,   -- what the version replaces: provider + file or service/region
	source      TEXT NOT NULL,   -- file name or URL
	fetched_at  TEXT NOT NULL,
	checksum    TEXT NOT NULL,   -- sha256 of the imported bytes
	status      TEXT NOT NULL CHECK (status IN ('building', 'active', 'retired')),
	products    INTEGER NOT NULL DEFAULT 0,
	prices      INTEGER NOT NULL DEFAULT 0,
	skipped     INTEGER NOT NULL DEFAULT 0,
	stats       TEXT NOT NULL DEFAULT '',
	as_of_min   TEXT NOT NULL DEFAULT '',
	as_of_max   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX catalog_versions_scope ON catalog_versions(scope, status);

CREATE TABLE products (
	id               INTEGER PRIMARY KEY,
	version_id       INTEGER NOT NULL REFERENCES catalog_versions(id) ON DELETE CASCADE,
	provider         TEXT NOT NULL,
	service          TEXT NOT NULL,
	provider_service TEXT NOT NULL,
	family           TEXT NOT NULL,
	region           TEXT NOT NULL,
	sku              TEXT NOT NULL,
	name             TEXT NOT NULL,
	os               TEXT NOT NULL,
	vcpu             REAL NOT NULL,
	memory_gib       REAL NOT NULL,
	attributes       TEXT NOT NULL,    -- JSON object
	UNIQUE (version_id, provider, region, sku)
) STRICT;
CREATE INDEX products_fit ON products(provider, region, service, os, vcpu, memory_gib);
CREATE INDEX products_sku ON products(sku, provider, region);

-- Prices are exact decimals kept as text. sort_micros is only an ordering key
-- (the monthly-equivalent amount in millionths, truncated); costs are always
-- computed from the text amounts.
CREATE TABLE prices (
	id          INTEGER PRIMARY KEY,
	product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	term        TEXT NOT NULL,
	unit        TEXT NOT NULL,
	amount      TEXT NOT NULL,
	upfront     TEXT NOT NULL,
	currency    TEXT NOT NULL,
	tier_start  TEXT NOT NULL,
	tier_end    TEXT,            -- NULL: no upper bound
	as_of       TEXT NOT NULL,
	source      TEXT NOT NULL,
	hash        TEXT NOT NULL,   -- content hash: same data, same hash
	sort_micros INTEGER NOT NULL,
	UNIQUE (product_id, hash)
) STRICT;
CREATE INDEX prices_product ON prices(product_id, term, sort_micros);
