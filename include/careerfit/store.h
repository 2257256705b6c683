/* Writing libconfig files so that a crash, a full disk or a kill -9 never
 * leaves half a file: results and saved progress both go through here. */
#ifndef CAREERFIT_STORE_H
#define CAREERFIT_STORE_H

#include <libconfig.h>
#include <stdbool.h>
#include <sys/types.h>

/* Builds a libconfig tree; any failure (memory, a bad name) clears ok, so
 * the builder checks once at the end. */
struct store_build {
	bool ok;
};

config_setting_t *store_add(struct store_build *b, config_setting_t *parent, const char *name,
			    int type);
void store_add_string(struct store_build *b, config_setting_t *parent, const char *name,
		      const char *value);
void store_add_int(struct store_build *b, config_setting_t *parent, const char *name, int value);
void store_add_float(struct store_build *b, config_setting_t *parent, const char *name,
		     double value);
void store_add_bool(struct store_build *b, config_setting_t *parent, const char *name, bool value);

/* mkdir -p. */
bool store_make_folders(const char *dir);
/* Writes CONFIG to a new hidden file in DIR with permissions MODE, flushed
 * to the disk; returns its path (newly allocated), or NULL with errno. */
char *store_write_temporary(const char *dir, config_t *config, mode_t mode);
/* The same, not flushed to the disk: *FD is left open on the file for
 * whoever flushes it later (fsync) and closes it. */
char *store_write_unsynced(const char *dir, config_t *config, mode_t mode, int *fd);
/* The same, with TEXT (LENGTH bytes) for its content. */
char *store_write_text_unsynced(const char *dir, const char *text, size_t length, mode_t mode,
				int *fd);
/* CONFIG written to an open file; false with errno. */
bool store_write_config(int fd, config_t *config);
/* LENGTH bytes of TEXT written to an open file; false with errno. */
bool store_write_text(int fd, const char *text, size_t length);
/* Flushes a folder's entries, so that a new name survives a power cut. */
void store_sync_folder(const char *dir);

/* Temporary files are left behind only when a writer dies mid-write (a
 * kill -9): removes those in DIR older than this, never a fresh one that
 * another writer is still filling. */
#define STORE_STALE_SECONDS 3600
void store_remove_stale(const char *dir);

#endif
