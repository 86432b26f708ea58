PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "runs" (
   "id" INTEGER PRIMARY KEY,
   "started" TEXT,
   "finished" TEXT,
   "status" TEXT,
   "roots" TEXT,
   "version" TEXT,
   "new" INTEGER,
   "updated" INTEGER,
   "unchanged" INTEGER,
   "failed" INTEGER,
   "removed" INTEGER,
   "skipped" INTEGER
);
INSERT INTO runs VALUES(1,'2026-12-01T21:39:04.889072+00:00','2026-12-01T21:39:04.906282+00:00','ok','["/tmp/v1src", "/tmp/v1src/2020-05-15-referat.txt", "/tmp/v1src/2020-09-04-referat.txt"]','0.1.0',2,0,0,0,0,0);
CREATE TABLE IF NOT EXISTS "files" (
   "path" TEXT PRIMARY KEY,
   "size" INTEGER,
   "mtime_ns" INTEGER,
   "sha256" TEXT,
   "status" TEXT NOT NULL,
   "reason" TEXT,
   "version" TEXT,
   "first_seen_run" INTEGER REFERENCES "runs"("id"),
   "last_seen_run" INTEGER REFERENCES "runs"("id"),
   "updated_at" TEXT
);
INSERT INTO files VALUES('/tmp/v1src/2020-05-15-referat.txt',288,1796161144523217275,'9daa736a42ca4f1ac92096645ddc79bbc5dc6cb5e068d8c97f17b048af23771b','ok',NULL,'0.1.0',1,1,'2026-12-01T21:39:04.901291+00:00');
INSERT INTO files VALUES('/tmp/v1src/2020-09-04-referat.txt',201,1796161144523320929,'bd922948019f241fb2c52b1eca8e2090e31d1ccb0f8cb8d2ed7a51eead1cb61b','ok',NULL,'0.1.0',1,1,'2026-12-01T21:39:04.905404+00:00');
CREATE TABLE IF NOT EXISTS "documents" (
   "id" TEXT PRIMARY KEY,
   "sha256" TEXT NOT NULL,
   "part" INTEGER NOT NULL,
   "path" TEXT NOT NULL,
   "format" TEXT NOT NULL,
   "doc_type" TEXT,
   "title" TEXT,
   "forum" TEXT,
   "meeting_date" TEXT,
   "meeting_time" TEXT,
   "place" TEXT,
   "language" TEXT,
   "attendance_count" INTEGER,
   "pages" INTEGER,
   "warnings" TEXT,
   "ingested_at" TEXT
);
INSERT INTO documents VALUES('4d193b636d4f','9daa736a42ca4f1ac92096645ddc79bbc5dc6cb5e068d8c97f17b048af23771b',0,'/tmp/v1src/2020-05-15-referat.txt','txt','referat','Referat','Styregruppen for Rammeaftaler','2020-05-15',NULL,NULL,'da',NULL,0,'[]','2026-12-01T21:39:04.899822+00:00');
INSERT INTO documents VALUES('6f11fdd7fc11','bd922948019f241fb2c52b1eca8e2090e31d1ccb0f8cb8d2ed7a51eead1cb61b',0,'/tmp/v1src/2020-09-04-referat.txt','txt','referat','Referat','Styregruppen for Rammeaftaler','2020-09-04',NULL,NULL,'da',NULL,0,'[]','2026-12-01T21:39:04.904445+00:00');
CREATE TABLE IF NOT EXISTS "items" (
   "id" TEXT PRIMARY KEY,
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "ordinal" INTEGER NOT NULL,
   "number" TEXT,
   "number_as_written" TEXT,
   "title" TEXT,
   "closed" INTEGER,
   "case_number" TEXT
);
INSERT INTO items VALUES('ed69a0d98927','4d193b636d4f',0,'1','1.','Godkendelse af dagsorden',0,NULL);
INSERT INTO items VALUES('bad5847431b4','4d193b636d4f',1,'2','2.','Rammeaftale 2021-2022',0,NULL);
INSERT INTO items VALUES('7b5816069782','4d193b636d4f',2,'3','3.','Rekruttering',0,NULL);
INSERT INTO items VALUES('e7259f8d99fa','4d193b636d4f',3,'4','4.','Eventuelt',0,NULL);
INSERT INTO items VALUES('e37e5c045edc','6f11fdd7fc11',0,'1','1.','Godkendelse af dagsorden',0,NULL);
INSERT INTO items VALUES('a90cc024058a','6f11fdd7fc11',1,'2','2.','Rammeaftale 2021-2022 II',0,NULL);
INSERT INTO items VALUES('aa65d8e7ab8f','6f11fdd7fc11',2,'3','3.','Eventuelt',0,NULL);
CREATE TABLE IF NOT EXISTS "sections" (
   "id" TEXT PRIMARY KEY,
   "item_id" TEXT REFERENCES "items"("id"),
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "ordinal" INTEGER NOT NULL,
   "label" TEXT,
   "kind" TEXT,
   "text" TEXT
);
INSERT INTO sections VALUES('b4b57059d09a',NULL,'4d193b636d4f',0,'','body',replace('Referat\nStyregruppen for Rammeaftaler den 15. maj 2020','\n',char(10)));
INSERT INTO sections VALUES('32612ff9ddde','ed69a0d98927','4d193b636d4f',0,'Beslutning','decision','Godkendt.');
INSERT INTO sections VALUES('73765acda904','bad5847431b4','4d193b636d4f',0,'Beslutning','decision','Punktet udsættes til næste møde.');
INSERT INTO sections VALUES('8645a761dbaf','7b5816069782','4d193b636d4f',0,'Beslutning','decision','Sekretariatet undersøger mulighederne og vender tilbage.');
INSERT INTO sections VALUES('63044c65c65f','e7259f8d99fa','4d193b636d4f',0,'','body','Intet.');
INSERT INTO sections VALUES('e9614c6c25b6',NULL,'6f11fdd7fc11',0,'','body',replace('Referat\nStyregruppen for Rammeaftaler den 4. september 2020','\n',char(10)));
INSERT INTO sections VALUES('16a227686195','e37e5c045edc','6f11fdd7fc11',0,'Beslutning','decision','Godkendt.');
INSERT INTO sections VALUES('dd37c340cc9b','a90cc024058a','6f11fdd7fc11',0,'Beslutning','decision','Rammeaftalen blev godkendt.');
INSERT INTO sections VALUES('1dcbeacf5772','aa65d8e7ab8f','6f11fdd7fc11',0,'','body','Intet.');
CREATE TABLE IF NOT EXISTS "decisions" (
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "id" TEXT NOT NULL,
   "item_id" TEXT NOT NULL REFERENCES "items"("id"),
   "ordinal" INTEGER NOT NULL,
   "kind" TEXT NOT NULL,
   "text" TEXT,
   "status" TEXT NOT NULL,
   "body" TEXT,
   "owner" TEXT,
   "due" TEXT,
   "prior_date" TEXT,
   "refers_to_proposal" INTEGER,
   PRIMARY KEY ("document_id", "id")
);
INSERT INTO decisions VALUES('4d193b636d4f','9172eeba4858','ed69a0d98927',0,'decision','Godkendt.','approved',NULL,NULL,NULL,NULL,0);
INSERT INTO decisions VALUES('4d193b636d4f','e2ce34c6d49d','bad5847431b4',0,'decision','Punktet udsættes til næste møde.','postponed',NULL,NULL,NULL,NULL,0);
INSERT INTO decisions VALUES('4d193b636d4f','097f5407a3c7','7b5816069782',0,'decision','Sekretariatet undersøger mulighederne og vender tilbage.','action',NULL,'Sekretariatet',NULL,NULL,0);
INSERT INTO decisions VALUES('6f11fdd7fc11','c86830ed7226','e37e5c045edc',0,'decision','Godkendt.','approved',NULL,NULL,NULL,NULL,0);
INSERT INTO decisions VALUES('6f11fdd7fc11','04e7a1b0c5d6','a90cc024058a',0,'decision','Rammeaftalen blev godkendt.','approved',NULL,NULL,NULL,NULL,0);
CREATE TABLE IF NOT EXISTS "actions" (
   "id" TEXT PRIMARY KEY,
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "decision_id" TEXT NOT NULL,
   "item_id" TEXT REFERENCES "items"("id"),
   "ordinal" INTEGER NOT NULL,
   "text" TEXT,
   "owner" TEXT,
   "due" TEXT,
   "due_text" TEXT,
   "approximate" INTEGER
);
INSERT INTO actions VALUES('58a1e6950ddf','4d193b636d4f','097f5407a3c7','7b5816069782',0,'Sekretariatet undersøger mulighederne og vender tilbage.','Sekretariatet',NULL,NULL,0);
CREATE TABLE IF NOT EXISTS "participants" (
   "id" TEXT PRIMARY KEY,
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "ordinal" INTEGER NOT NULL,
   "name" TEXT NOT NULL,
   "organisation" TEXT,
   "role" TEXT,
   "absent" INTEGER
);
CREATE TABLE IF NOT EXISTS "attachments" (
   "id" TEXT PRIMARY KEY,
   "item_id" TEXT NOT NULL REFERENCES "items"("id"),
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "ordinal" INTEGER NOT NULL,
   "title" TEXT
);
CREATE TABLE IF NOT EXISTS "failures" (
   "id" INTEGER PRIMARY KEY,
   "run_id" INTEGER NOT NULL REFERENCES "runs"("id"),
   "path" TEXT NOT NULL,
   "reason" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "search_docs" (
   "rid" INTEGER PRIMARY KEY,
   "kind" TEXT NOT NULL,
   "ref_id" TEXT NOT NULL,
   "document_id" TEXT NOT NULL REFERENCES "documents"("id"),
   "item_id" TEXT,
   "title" TEXT,
   "body" TEXT
);
INSERT INTO search_docs VALUES(1,'document','4d193b636d4f','4d193b636d4f',NULL,'Referat','');
INSERT INTO search_docs VALUES(2,'section','b4b57059d09a','4d193b636d4f',NULL,'',replace('Referat\nStyregruppen for Rammeaftaler den 15. maj 2020','\n',char(10)));
INSERT INTO search_docs VALUES(3,'item','ed69a0d98927','4d193b636d4f','ed69a0d98927','Godkendelse af dagsorden','');
INSERT INTO search_docs VALUES(4,'section','32612ff9ddde','4d193b636d4f','ed69a0d98927','','Godkendt.');
INSERT INTO search_docs VALUES(5,'decision','9172eeba4858','4d193b636d4f','ed69a0d98927','','Godkendt.');
INSERT INTO search_docs VALUES(6,'item','bad5847431b4','4d193b636d4f','bad5847431b4','Rammeaftale 2021-2022','');
INSERT INTO search_docs VALUES(7,'section','73765acda904','4d193b636d4f','bad5847431b4','','Punktet udsættes til næste møde.');
INSERT INTO search_docs VALUES(8,'decision','e2ce34c6d49d','4d193b636d4f','bad5847431b4','','Punktet udsættes til næste møde.');
INSERT INTO search_docs VALUES(9,'item','7b5816069782','4d193b636d4f','7b5816069782','Rekruttering','');
INSERT INTO search_docs VALUES(10,'section','8645a761dbaf','4d193b636d4f','7b5816069782','','Sekretariatet undersøger mulighederne og vender tilbage.');
INSERT INTO search_docs VALUES(11,'decision','097f5407a3c7','4d193b636d4f','7b5816069782','','Sekretariatet undersøger mulighederne og vender tilbage.');
INSERT INTO search_docs VALUES(12,'item','e7259f8d99fa','4d193b636d4f','e7259f8d99fa','Eventuelt','');
INSERT INTO search_docs VALUES(13,'section','63044c65c65f','4d193b636d4f','e7259f8d99fa','','Intet.');
INSERT INTO search_docs VALUES(14,'document','6f11fdd7fc11','6f11fdd7fc11',NULL,'Referat','');
INSERT INTO search_docs VALUES(15,'section','e9614c6c25b6','6f11fdd7fc11',NULL,'',replace('Referat\nStyregruppen for Rammeaftaler den 4. september 2020','\n',char(10)));
INSERT INTO search_docs VALUES(16,'item','e37e5c045edc','6f11fdd7fc11','e37e5c045edc','Godkendelse af dagsorden','');
INSERT INTO search_docs VALUES(17,'section','16a227686195','6f11fdd7fc11','e37e5c045edc','','Godkendt.');
INSERT INTO search_docs VALUES(18,'decision','c86830ed7226','6f11fdd7fc11','e37e5c045edc','','Godkendt.');
INSERT INTO search_docs VALUES(19,'item','a90cc024058a','6f11fdd7fc11','a90cc024058a','Rammeaftale 2021-2022 II','');
INSERT INTO search_docs VALUES(20,'section','dd37c340cc9b','6f11fdd7fc11','a90cc024058a','','Rammeaftalen blev godkendt.');
INSERT INTO search_docs VALUES(21,'decision','04e7a1b0c5d6','6f11fdd7fc11','a90cc024058a','','Rammeaftalen blev godkendt.');
INSERT INTO search_docs VALUES(22,'item','aa65d8e7ab8f','6f11fdd7fc11','aa65d8e7ab8f','Eventuelt','');
INSERT INTO search_docs VALUES(23,'section','1dcbeacf5772','6f11fdd7fc11','aa65d8e7ab8f','','Intet.');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','search_fts','search_fts',0,'CREATE VIRTUAL TABLE [search_fts] USING fts5(title, body, content=''search_docs'', content_rowid=''rid'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'search_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO search_fts_data VALUES(1,X'171232');
INSERT INTO search_fts_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO search_fts_data VALUES(137438953473,X'000001a50330313502060101070104323032300206010109040131060203040132060204010261660302030109646167736f7264656e0302040202656e020601010601096576656e7475656c740c02020103666f720206010104010b676f646b656e64656c7365030202080174040601010201060101020105696e7465740d0601010201036d616a0206010108020b756c696768656465726e650a0601010401060101040204c3b864650706010106010601010601066ec3a67374650706010105010601010501026f670a060101050106010105010770756e6b74657407060101020106010102010b72616d6d65616674616c650602020c0172020601010502066566657261740102020106010102030a6b727574746572696e67090202010d73656b726574617269617465740a060101020106010102020b747972656772757070656e0206010103010374696c070601010401060101040404626167650a0601010701060101070109756473c3a67474657307060101030106010103020a6e64657273c3b86765720a060101030106010103010676656e6465720a06010106010601010604090b0606070e090e0a100d0c0a1710120e131008100f19120f101516');
INSERT INTO search_fts_data VALUES(274877906945,X'000000f90530323032300f060101090401311302030401321302040101340f06010107010261661002030104626c6576140601010301060101030109646167736f7264656e1002040202656e0f0601010601096576656e7475656c741602020103666f720f06010104010b676f646b656e64656c736510020208017411060101020106010102020601010401060101040102696913020502046e7465741706010102010b72616d6d65616674616c651302020c016e140601010201060101020c01720f0601010502066566657261740e02020106010102010973657074656d6265720f06010108020b747972656772757070656e0f06010103040b06060807100e090e0a1017070b100d081010');
CREATE TABLE IF NOT EXISTS 'search_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO search_fts_idx VALUES(1,X'',2);
INSERT INTO search_fts_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'search_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO search_fts_docsize VALUES(1,X'0100');
INSERT INTO search_fts_docsize VALUES(2,X'0008');
INSERT INTO search_fts_docsize VALUES(3,X'0300');
INSERT INTO search_fts_docsize VALUES(4,X'0001');
INSERT INTO search_fts_docsize VALUES(5,X'0001');
INSERT INTO search_fts_docsize VALUES(6,X'0300');
INSERT INTO search_fts_docsize VALUES(7,X'0005');
INSERT INTO search_fts_docsize VALUES(8,X'0005');
INSERT INTO search_fts_docsize VALUES(9,X'0100');
INSERT INTO search_fts_docsize VALUES(10,X'0006');
INSERT INTO search_fts_docsize VALUES(11,X'0006');
INSERT INTO search_fts_docsize VALUES(12,X'0100');
INSERT INTO search_fts_docsize VALUES(13,X'0001');
INSERT INTO search_fts_docsize VALUES(14,X'0100');
INSERT INTO search_fts_docsize VALUES(15,X'0008');
INSERT INTO search_fts_docsize VALUES(16,X'0300');
INSERT INTO search_fts_docsize VALUES(17,X'0001');
INSERT INTO search_fts_docsize VALUES(18,X'0001');
INSERT INTO search_fts_docsize VALUES(19,X'0400');
INSERT INTO search_fts_docsize VALUES(20,X'0003');
INSERT INTO search_fts_docsize VALUES(21,X'0003');
INSERT INTO search_fts_docsize VALUES(22,X'0100');
INSERT INTO search_fts_docsize VALUES(23,X'0001');
CREATE TABLE IF NOT EXISTS 'search_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO search_fts_config VALUES('version',4);
CREATE INDEX "ix_files_sha256"
    ON "files" ("sha256");
CREATE INDEX "ix_files_status"
    ON "files" ("status");
CREATE UNIQUE INDEX "ux_documents_sha256_part"
    ON "documents" ("sha256", "part");
CREATE INDEX "ix_documents_meeting_date"
    ON "documents" ("meeting_date");
CREATE INDEX "ix_documents_forum"
    ON "documents" ("forum");
CREATE INDEX "ix_documents_ingested_at"
    ON "documents" ("ingested_at");
CREATE INDEX "ix_items_document_id_ordinal"
    ON "items" ("document_id", "ordinal");
CREATE INDEX "ix_items_case_number"
    ON "items" ("case_number");
CREATE INDEX "ix_sections_item_id_ordinal"
    ON "sections" ("item_id", "ordinal");
CREATE INDEX "ix_sections_document_id"
    ON "sections" ("document_id");
CREATE INDEX "ix_decisions_id"
    ON "decisions" ("id");
CREATE INDEX "ix_decisions_item_id_ordinal"
    ON "decisions" ("item_id", "ordinal");
CREATE INDEX "ix_decisions_status"
    ON "decisions" ("status");
CREATE INDEX "ix_actions_document_id_decision_id"
    ON "actions" ("document_id", "decision_id");
CREATE INDEX "ix_participants_document_id_ordinal"
    ON "participants" ("document_id", "ordinal");
CREATE INDEX "ix_participants_name"
    ON "participants" ("name");
CREATE INDEX "ix_attachments_item_id_ordinal"
    ON "attachments" ("item_id", "ordinal");
CREATE INDEX "ix_attachments_document_id"
    ON "attachments" ("document_id");
CREATE INDEX "ix_failures_run_id"
    ON "failures" ("run_id");
CREATE INDEX "ix_failures_path"
    ON "failures" ("path");
CREATE INDEX "ix_search_docs_document_id"
    ON "search_docs" ("document_id");
CREATE INDEX "ix_search_docs_kind_ref_id"
    ON "search_docs" ("kind", "ref_id");
CREATE TRIGGER [search_docs_ai] AFTER INSERT ON [search_docs] BEGIN INSERT INTO [search_fts] (rowid, title, body) VALUES (new.rid, new.title, new.body); END;
CREATE TRIGGER [search_docs_ad] AFTER DELETE ON [search_docs] BEGIN INSERT INTO [search_fts] ([search_fts], rowid, title, body) VALUES ('delete', old.rid, old.title, old.body); END;
CREATE TRIGGER [search_docs_au] AFTER UPDATE ON [search_docs] BEGIN INSERT INTO [search_fts] ([search_fts], rowid, title, body) VALUES ('delete', old.rid, old.title, old.body); INSERT INTO [search_fts] (rowid, title, body) VALUES (new.rid, new.title, new.body); END;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 1;
