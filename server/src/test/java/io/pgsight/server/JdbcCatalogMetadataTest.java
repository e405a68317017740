package io.pgsight.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc's DatabaseMetaData and ResultSetMetaData read pg_catalog (pg_class, pg_attribute,
 * pg_attrdef, pg_index, pg_type, pg_description ...): they must describe the tables the way
 * PostgreSQL 15 does, extension types included.
 */
class JdbcCatalogMetadataTest {
    private static ClientDatabase db;

    @BeforeAll
    static void schema() throws Exception {
        db = ClientDatabase.start("jdbc_meta");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION vector");
            st.execute("CREATE EXTENSION imgsmlr");
            st.execute("CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3) NOT NULL, note text DEFAULT 'none')");
            st.execute("CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 1)");
            st.execute("CREATE TABLE img (id int PRIMARY KEY, patt pattern, sig signature)");
            st.execute("COMMENT ON COLUMN items.note IS 'free text'");
            st.execute("INSERT INTO items (embedding) VALUES ('[1,2,3]')");
            st.execute("CREATE TABLE tags (item_id bigint REFERENCES items (id) ON DELETE CASCADE, tag text, "
                    + "PRIMARY KEY (item_id, tag))");
        }
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static List<String> column(ResultSet rs, String name) throws Exception {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(name));
        }
        return out;
    }

    @Test
    void foreignKeysBothWays() throws Exception {
        // pgjdbc joins nine catalog relations in one comma-separated FROM list for these
        try (Connection c = db.connect()) {
            ResultSet rs = c.getMetaData().getImportedKeys(null, "public", "tags");
            assertTrue(rs.next());
            assertEquals("items", rs.getString("PKTABLE_NAME"));
            assertEquals("id", rs.getString("PKCOLUMN_NAME"));
            assertEquals("item_id", rs.getString("FKCOLUMN_NAME"));
            assertEquals("tags_item_id_fkey", rs.getString("FK_NAME"));
            assertEquals(DatabaseMetaData.importedKeyCascade, rs.getInt("DELETE_RULE"));
            assertFalse(rs.next());
            assertEquals(List.of("tags"), column(c.getMetaData().getExportedKeys(null, "public", "items"), "FKTABLE_NAME"));
            assertEquals(List.of(), column(c.getMetaData().getExportedKeys(null, "public", "img"), "FKTABLE_NAME"));
        }
    }

    @Test
    void getTablesListsUserTables() throws Exception {
        try (Connection c = db.connect()) {
            ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"});
            assertEquals(List.of("img", "items", "tags"), column(rs, "TABLE_NAME"));
            rs = c.getMetaData().getTables(null, "pg_catalog", "pg_class", null);
            assertTrue(rs.next(), "pg_catalog.pg_class is listed");
        }
    }

    @Test
    void getColumnsDescribesTypesDefaultsAndComments() throws Exception {
        try (Connection c = db.connect()) {
            ResultSet rs = c.getMetaData().getColumns(null, "public", "items", null);
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals("bigserial", rs.getString("TYPE_NAME"));
            assertEquals(java.sql.Types.BIGINT, rs.getInt("DATA_TYPE"));
            assertEquals("nextval('items_id_seq'::regclass)", rs.getString("COLUMN_DEF"));
            assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
            assertTrue(rs.next());
            assertEquals("embedding", rs.getString("COLUMN_NAME"));
            assertEquals("vector", rs.getString("TYPE_NAME"));
            assertEquals(java.sql.Types.OTHER, rs.getInt("DATA_TYPE"));
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            assertTrue(rs.next());
            assertEquals("note", rs.getString("COLUMN_NAME"));
            assertEquals("'none'::text", rs.getString("COLUMN_DEF"));
            assertEquals("free text", rs.getString("REMARKS"));
            assertEquals(3, rs.getInt("ORDINAL_POSITION"));
            assertFalse(rs.next());
        }
    }

    @Test
    void getPrimaryKeysNamesTheKeyIndex() throws Exception {
        try (Connection c = db.connect()) {
            ResultSet rs = c.getMetaData().getPrimaryKeys(null, "public", "items");
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(1, rs.getInt("KEY_SEQ"));
            assertEquals("items_pkey", rs.getString("PK_NAME"));
            assertFalse(rs.next());
        }
    }

    @Test
    void getIndexInfoListsBtreeAndVectorIndexes() throws Exception {
        try (Connection c = db.connect()) {
            ResultSet rs = c.getMetaData().getIndexInfo(null, "public", "items", false, false);
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getBoolean("NON_UNIQUE"));
            }
            assertEquals(List.of("items_pkey:id:false", "items_ivf:embedding:true"), names);
        }
    }

    @Test
    void resultSetMetaDataResolvesTablesNullabilityAndExtensionTypes() throws Exception {
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT i.id, i.embedding, i.note, g.patt, g.sig FROM items i LEFT JOIN img g ON g.id = i.id")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("items", md.getTableName(1));
            assertEquals("img", md.getTableName(4));
            assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
            assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
            assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
            assertTrue(md.isAutoIncrement(1));
            assertEquals("vector", md.getColumnTypeName(2));
            assertEquals("pattern", md.getColumnTypeName(4));
            assertEquals("signature", md.getColumnTypeName(5));
        }
    }

    @Test
    void getObjectReturnsPgObjectsForExtensionTypes() throws Exception {
        byte[] jpeg = ClientDatabase.sharedImage("1.jpg");
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO img VALUES (1, jpeg2pattern(?), pattern2signature(jpeg2pattern(?)))")) {
                ps.setBytes(1, jpeg);
                ps.setBytes(2, jpeg);
                assertEquals(1, ps.executeUpdate());
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT i.embedding, g.patt, g.sig, g.sig::text FROM items i JOIN img g ON g.id = i.id")) {
                assertTrue(rs.next());
                PGobject v = assertInstanceOf(PGobject.class, rs.getObject(1));
                assertEquals("vector", v.getType());
                assertEquals("[1,2,3]", v.getValue());
                PGobject p = assertInstanceOf(PGobject.class, rs.getObject(2));
                assertEquals("pattern", p.getType());
                assertTrue(p.getValue().startsWith("("), p.getValue());
                PGobject s = assertInstanceOf(PGobject.class, rs.getObject(3));
                assertEquals("signature", s.getType());
                assertEquals(rs.getString(4), s.getValue());
            }
        }
    }
}
