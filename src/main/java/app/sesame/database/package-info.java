/**
 * The database: the data source the settings name ({@code Database}), the Liquibase migration run
 * before anything else starts ({@code SchemaMigration}) and the converters the entities share.
 */
package app.sesame.database;
