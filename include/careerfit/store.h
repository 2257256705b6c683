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
/* CONFIG written to an open file; false with errno. */
bool store_write_config(int fd, config_t *config);
/* A file in DIR with no name yet (O_TMPFILE, 0600), open for writing: -1
 * with errno where the file system cannot make one. Nothing is left
 * behind if the process ends before it is named. */
int store_open_unnamed(const char *dir);
/* Gives the unnamed file open in FD a hidden name in DIR, as those of
 * store_create_temporary(): its path, newly allocated, or NULL with errno
 * (without /proc, for one). */
char *store_name_unnamed(const char *dir, int fd);
/* Flushes a folder's entries, so that a new name survives a power cut. */
void store_sync_folder(const char *dir);

/* Temporary files are left behind only when a writer dies mid-write (a
 * kill -9): removes those in DIR older than this, never a fresh one that
 * another writer is still filling. */
#define STORE_STALE_SECONDS 3600
void store_remove_stale(const char *dir);

#endif
