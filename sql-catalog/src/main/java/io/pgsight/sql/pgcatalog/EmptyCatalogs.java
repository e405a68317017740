package io.pgsight.sql.pgcatalog;

import java.util.List;

/**
 * Catalogs clients read that hold no rows here (no inheritance, triggers, rules, publications, row
 * security, extended statistics, foreign tables, partitions, enums).
 */
final class EmptyCatalogs {
    private EmptyCatalogs() {
    }

    static List<SystemRelation> all() {
        return List.of(
                ComputedRelation.empty("pg_inherits", 2611, "inhrelid oid", "inhparent oid", "inhseqno int4",
                        "inhdetachpending bool"),
                ComputedRelation.empty("pg_foreign_data_wrapper", 2328, "oid oid", "fdwname name", "fdwowner oid",
                        "fdwhandler oid", "fdwvalidator oid", "fdwacl aclitem[]", "fdwoptions text[]"),
                ComputedRelation.empty("pg_user_mapping", 1418, "oid oid", "umuser oid", "umserver oid",
                        "umoptions text[]"),
                ComputedRelation.empty("pg_transform", 3576, "oid oid", "trftype oid", "trflang oid",
                        "trffromsql regproc", "trftosql regproc"),
                ComputedRelation.empty("pg_ts_dict", 3600, "oid oid", "dictname name", "dictnamespace oid",
                        "dictowner oid", "dicttemplate oid", "dictinitoption text"),
                ComputedRelation.empty("pg_ts_parser", 3601, "oid oid", "prsname name", "prsnamespace oid",
                        "prsstart regproc", "prstoken regproc", "prsend regproc", "prsheadline regproc",
                        "prslextype regproc"),
                ComputedRelation.empty("pg_ts_template", 3764, "oid oid", "tmplname name", "tmplnamespace oid",
                        "tmplinit regproc", "tmpllexize regproc"),
                ComputedRelation.empty("pg_amproc", 2603, "oid oid", "amprocfamily oid", "amproclefttype oid",
                        "amprocrighttype oid", "amprocnum int2", "amproc regproc"),
                ComputedRelation.empty("pg_trigger", 2620, "oid oid", "tgrelid oid", "tgparentid oid", "tgname name",
                        "tgfoid oid", "tgtype int2", "tgenabled char", "tgisinternal bool", "tgconstrrelid oid",
                        "tgconstrindid oid", "tgconstraint oid", "tgdeferrable bool", "tginitdeferred bool",
                        "tgnargs int2", "tgattr int2vector", "tgargs bytea", "tgqual pg_node_tree", "tgoldtable name",
                        "tgnewtable name"),
                ComputedRelation.empty("pg_rewrite", 2618, "oid oid", "rulename name", "ev_class oid", "ev_type char",
                        "ev_enabled char", "is_instead bool", "ev_qual pg_node_tree", "ev_action pg_node_tree"),
                ComputedRelation.empty("pg_enum", 3501, "oid oid", "enumtypid oid", "enumsortorder float4",
                        "enumlabel name"),
                ComputedRelation.empty("pg_publication", 6104, "oid oid", "pubname name", "pubowner oid",
                        "puballtables bool", "pubinsert bool", "pubupdate bool", "pubdelete bool", "pubtruncate bool",
                        "pubviaroot bool"),
                ComputedRelation.empty("pg_publication_rel", 6106, "oid oid", "prpubid oid", "prrelid oid",
                        "prqual pg_node_tree", "prattrs int2vector"),
                ComputedRelation.empty("pg_publication_namespace", 6237, "oid oid", "pnpubid oid", "pnnspid oid"),
                ComputedRelation.empty("pg_policy", 3256, "oid oid", "polname name", "polrelid oid", "polcmd char",
                        "polpermissive bool", "polroles oid[]", "polqual pg_node_tree", "polwithcheck pg_node_tree"),
                ComputedRelation.empty("pg_statistic_ext", 3381, "oid oid", "stxrelid oid", "stxname name",
                        "stxnamespace oid", "stxowner oid", "stxstattarget int4", "stxkeys int2vector", "stxkind char[]",
                        "stxexprs pg_node_tree"),
                ComputedRelation.empty("pg_foreign_table", 3118, "ftrelid oid", "ftserver oid", "ftoptions text[]"),
                ComputedRelation.empty("pg_foreign_server", 1417, "oid oid", "srvname name", "srvowner oid",
                        "srvfdw oid", "srvtype text", "srvversion text", "srvacl aclitem[]", "srvoptions text[]"),
                ComputedRelation.empty("pg_partitioned_table", 3350, "partrelid oid", "partstrat char",
                        "partnatts int2", "partdefid oid", "partattrs int2vector", "partclass oidvector",
                        "partcollation oidvector", "partexprs pg_node_tree"),
                ComputedRelation.empty("pg_event_trigger", 3466, "oid oid", "evtname name", "evtevent name",
                        "evtowner oid", "evtfoid oid", "evtenabled char", "evttags text[]"),
                ComputedRelation.empty("pg_auth_members", 1261, "oid oid", "roleid oid", "member oid", "grantor oid",
                        "admin_option bool"),
                ComputedRelation.empty("pg_db_role_setting", 2964, "setdatabase oid", "setrole oid",
                        "setconfig text[]"),
                ComputedRelation.empty("pg_init_privs", 3394, "objoid oid", "classoid oid", "objsubid int4",
                        "privtype char", "initprivs aclitem[]"),
                ComputedRelation.empty("pg_default_acl", 826, "oid oid", "defaclrole oid", "defaclnamespace oid",
                        "defaclobjtype char", "defaclacl aclitem[]"),
                ComputedRelation.empty("pg_shdescription", 2396, "objoid oid", "classoid oid", "description text"),
                ComputedRelation.empty("pg_seclabel", 3596, "objoid oid", "classoid oid", "objsubid int4",
                        "provider text", "label text"),
                ComputedRelation.empty("pg_conversion", 2607, "oid oid", "conname name", "connamespace oid",
                        "conowner oid", "conforencoding int4", "contoencoding int4", "conproc regproc",
                        "condefault bool"),
                ComputedRelation.empty("pg_ts_config", 3602, "oid oid", "cfgname name", "cfgnamespace oid",
                        "cfgowner oid", "cfgparser oid"),
                ComputedRelation.empty("pg_stat_activity", 12_200, "datid oid", "datname name", "pid int4",
                        "usename name", "application_name text", "state text", "query text"));
    }
}
