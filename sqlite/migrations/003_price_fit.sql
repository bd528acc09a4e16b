-- "The cheapest offer with at least N vCPU and M GiB in region R" walked every
-- product of the region (products_fit), then sorted their prices: about 20 ms
-- on a 1M-price catalog. Each price now carries its product's fit key
-- (provider/region/service/os, see fitKey) and size, so that prices_fit
-- yields the candidates already in price order and the size test is made in
-- the index: the first entry that fits and is active is the answer.
ALTER TABLE prices ADD COLUMN fit_key TEXT NOT NULL DEFAULT '';
ALTER TABLE prices ADD COLUMN vcpu REAL NOT NULL DEFAULT 0;
ALTER TABLE prices ADD COLUMN memory_gib REAL NOT NULL DEFAULT 0;
UPDATE prices SET fit_key = p.provider || '/' || p.region || '/' || p.service || '/' || p.os,
	vcpu = p.vcpu, memory_gib = p.memory_gib
	FROM products p WHERE p.id = prices.product_id;
CREATE INDEX prices_fit ON prices(fit_key, term, sort_micros, vcpu, memory_gib);
