-- The sukien store, schema version 1: every table in one place.
--
-- Rows that come from an article carry its content id (OUTPUT.md `id`), so ingesting the same
-- article twice stores it once. Field names follow OUTPUT.md; a nested field is flattened with an
-- underscore (`input.path` -> `input_path`, `evidence.start` -> `evidence_start`); lists are JSON.
-- `pipeline` is the version of sukien (code and data) that derived an article's entities, quotes
-- and events: a newer one derives them again when the article is ingested again.

CREATE TABLE articles (
    num INTEGER PRIMARY KEY,            -- the row number: the key of the article in `fts`
    id TEXT NOT NULL UNIQUE,            -- content hash of `text`
    input_path TEXT,                    -- where it was first read from (all places: `sightings`)
    input_record TEXT,
    input_index INTEGER NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    captions TEXT NOT NULL,             -- JSON list of str
    outlet TEXT,
    authors TEXT NOT NULL,              -- JSON list of str
    sources TEXT NOT NULL,              -- JSON list of str
    published TEXT,
    published_basis TEXT,
    language TEXT NOT NULL,
    url TEXT,                           -- the page's URL when its metadata gave one
    pipeline TEXT NOT NULL,
    story_id TEXT NOT NULL,             -- the smallest article id of its story (see `stories`)
    signature BLOB NOT NULL,            -- MinHash signature of its word shingles (uint32 x 192)
    ingested TEXT NOT NULL              -- UTC time it was first stored, ISO 8601
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_published ON articles (published);

-- Every place an article was read from: a re-post of the same text is one article seen twice.
CREATE TABLE sightings (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    path TEXT NOT NULL,                 -- '' for standard input
    record TEXT NOT NULL,               -- '' when the input is not JSON Lines
    idx INTEGER NOT NULL,               -- the article's place among those of that page
    outlet TEXT,
    url TEXT,
    PRIMARY KEY (article_id, path, record, idx)
) WITHOUT ROWID;

-- Pages whose articles are all stored by a pipeline version: a rerun skips them.
CREATE TABLE pages (
    key TEXT PRIMARY KEY,               -- hash of path, record and raw text
    pipeline TEXT NOT NULL
) WITHOUT ROWID;

-- Inputs that could not be read or processed (OUTPUT.md "Errors"), the latest reason for each.
CREATE TABLE rejects (
    path TEXT NOT NULL,
    record TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    seen TEXT NOT NULL,
    PRIMARY KEY (path, record)
) WITHOUT ROWID;

-- Actors of the knowledge base that some article mentions (OUTPUT.md Actor).
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    org TEXT,
    sector TEXT,
    wikidata TEXT
) WITHOUT ROWID;

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT,                      -- null for a name the base does not know
    actor_name TEXT NOT NULL,
    actor_country TEXT,
    actor_org TEXT,
    actor_sector TEXT,
    actor_wikidata TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities (actor_id);

-- One row per actor per article: what "most mentioned" and "related articles" count.
CREATE TABLE article_actors (
    actor_key TEXT NOT NULL,            -- the actor id, or 'name:' + the name for an unknown actor
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL,                 -- entity type of its first mention
    mentions INTEGER NOT NULL,
    PRIMARY KEY (actor_key, article_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_article ON article_actors (article_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,                       -- JSON Actor, or null
    speaker_id TEXT,
    speaker_text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

CREATE TABLE events (
    id TEXT NOT NULL UNIQUE,            -- article id ':' index
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT NOT NULL,              -- JSON list of str
    source TEXT NOT NULL,               -- JSON list of Actor
    target TEXT NOT NULL,               -- JSON list of Actor
    source_key TEXT NOT NULL,           -- actor ids (or names) sorted and joined by ';': the fold key
    target_key TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    day TEXT,                           -- `date`, else the article's publication date: what filters use
    location TEXT,                      -- JSON location, or null
    dead INTEGER,
    injured INTEGER,
    cameo TEXT NOT NULL,
    goldstein REAL NOT NULL,
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    lead INTEGER NOT NULL               -- stated in the title or first paragraph (GDELT IsRootEvent)
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_day ON events (day);

-- The parties of each event, one row each, for filters by country, organisation, actor or name.
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role TEXT NOT NULL,                 -- 'source' or 'target'
    position INTEGER NOT NULL,
    actor_id TEXT,
    name TEXT NOT NULL,
    country TEXT,
    org TEXT,
    sector TEXT,
    PRIMARY KEY (event_id, role, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_country ON event_actors (country, role);
CREATE INDEX event_actors_org ON event_actors (org, role);
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);
CREATE INDEX event_actors_name ON event_actors (name, role);

-- MinHash LSH buckets kept on disk: articles that share a key are candidate near-duplicates.
CREATE TABLE story_keys (
    key INTEGER NOT NULL,               -- hash of (band number, the band's slice of the signature)
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_article ON story_keys (article_id);

-- Groups of near-duplicate articles: one story told by several outlets, or re-posted.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,                -- the smallest article id of the group
    size INTEGER NOT NULL,
    title TEXT,
    first_published TEXT,
    last_published TEXT
) WITHOUT ROWID;
CREATE INDEX stories_size ON stories (size);

-- Full-text index over the folded title and body (no case, no diacritics, đ -> d); rowid = articles.num.
-- Contentless: the text lives in `articles`; snippets are cut from there.
CREATE VIRTUAL TABLE fts USING fts5 (title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');

-- How many articles hold each folded term: "related articles" leave out the commonest words.
CREATE VIRTUAL TABLE fts_terms USING fts5vocab (fts, 'row');
