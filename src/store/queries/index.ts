/** The store's queries: plain functions over a store, knowing no NLP. */
export { search, SEARCH_COLUMNS, type SearchHit, type SearchOptions } from "./search.js";
export { quotePage, quotes, QUOTE_COLUMNS, type QuoteRow, type QuotesOptions } from "./quotes.js";
export { entity, ENTITY_COLUMNS, type EntityOptions, type EntityProfile } from "./entity.js";
export { timeline, timelinePage, TIMELINE_COLUMNS, type TimelineOptions, type TimelineRow } from "./timeline.js";
export { stats, STATS_COLUMNS, humanBytes, type StoreStats } from "./stats.js";
export { QueryArgumentError, entitiesNamed } from "./common.js";
export { articleById, type StoredArticle } from "./article.js";
export { entityById, findEntities, type EntityDetail, type EntityDetailOptions, type EntitySearchOptions, type EntitySummary, type WeekCount } from "./entities.js";
export { pageOfFirstN, toPage, type Page, type PageOptions } from "./page.js";
export { sourceCounts, type SourceCount } from "./sources.js";
export { outletRows, stories, storyById, OUTLET_COLUMNS, STORY_COLUMNS, type OutletCoverage, type StoriesOptions, type StoryDetail, type StoryRow } from "./stories.js";
