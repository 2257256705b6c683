/* Writing libconfig files safely: what result files and saved progress
 * share. A file is first written whole to a hidden temporary file in its
 * folder; only then does it get its name. A result is flushed to the disk
 * before; saved progress after (see progress.c). */
#include "careerfit/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "careerfit/random.h"

/* mkdir -p, for the folder a mentor names with --save. */
bool store_make_folders(const char *dir)
{
	if (!*dir) {
		errno = ENOENT;
		return false;
	}
	char *path = strdup(dir);
	if (!path)
		return false;
	bool ok = true;
	for (char *slash = path + 1; ok && (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		ok = mkdir(path, 0777) == 0 || errno == EEXIST;
		*slash = '/';
	}
	ok = ok && (mkdir(path, 0777) == 0 || errno == EEXIST);
	free(path);
	return ok;
}

/* libconfig setters return false when a name is bad or memory is out;
 * BUILD collects that so the writer checks once. */
config_setting_t *store_add(struct store_build *b, config_setting_t *parent, const char *name,
			    int type)
{
	config_setting_t *setting = parent ? config_setting_add(parent, name, type) : NULL;
	if (!setting)
		b->ok = false;
	return setting;
}

void store_add_string(struct store_build *b, config_setting_t *parent, const char *name,
		      const char *value)
{
	config_setting_t *setting = store_add(b, parent, name, CONFIG_TYPE_STRING);
	if (setting && !config_setting_set_string(setting, value ? value : ""))
		b->ok = false;
}

void store_add_int(struct store_build *b, config_setting_t *parent, const char *name, int value)
{
	config_setting_t *setting = store_add(b, parent, name, CONFIG_TYPE_INT);
	if (setting && !config_setting_set_int(setting, value))
		b->ok = false;
}

void store_add_float(struct store_build *b, config_setting_t *parent, const char *name,
		     double value)
{
	config_setting_t *setting = store_add(b, parent, name, CONFIG_TYPE_FLOAT);
	if (setting && !config_setting_set_float(setting, value))
		b->ok = false;
}

void store_add_bool(struct store_build *b, config_setting_t *parent, const char *name, bool value)
{
	config_setting_t *setting = store_add(b, parent, name, CONFIG_TYPE_BOOL);
	if (setting && !config_setting_set_bool(setting, value))
		b->ok = false;
}

/* The whole of [TEXT, TEXT + LENGTH) to FD; false with errno. */
static bool write_all(int fd, const char *text, size_t length)
{
	while (length) {
		ssize_t wrote = write(fd, text, length);
		if (wrote < 0 && errno == EINTR)
			continue;
		if (wrote < 0)
			return false;
		text += wrote;
		length -= (size_t)wrote;
	}
	return true;
}

/* CONFIG as libconfig writes it, in memory: one write() for the file. */
static char *render(config_t *config, size_t *length)
{
	char *text = NULL;
	FILE *memory = open_memstream(&text, length);
	if (!memory)
		return NULL;
	config_write(config, memory);
	bool ok = !ferror(memory);
	if (fclose(memory) != 0 || !ok) {
		free(text);
		errno = ENOMEM;
		return NULL;
	}
	return text;
}

/* A new, empty hidden file in DIR with permissions MODE, open in *FD: its
 * path, newly allocated, or NULL with errno. */
static char *create_temporary(const char *dir, mode_t mode, int *fd)
{
	size_t size = strlen(dir) + sizeof("/.careerfit-XXXXXX");
	char *temporary = malloc(size);
	*fd = -1;
	if (!temporary)
		return NULL;
	snprintf(temporary, size, "%s/.careerfit-XXXXXX", dir);
	/* mkstemp() makes the file 0600 already. */
	*fd = mkstemp(temporary);
	if (*fd >= 0 && (mode == 0600 || fchmod(*fd, mode) == 0))
		return temporary;
	int failure = errno;
	if (*fd >= 0) {
		close(*fd);
		unlink(temporary);
	}
	*fd = -1;
	free(temporary);
	errno = failure;
	return NULL;
}

bool store_write_text(int fd, const char *text, size_t length)
{
	return write_all(fd, text, length);
}

bool store_write_config(int fd, config_t *config)
{
	size_t length = 0;
	char *text = render(config, &length);
	bool ok = text && write_all(fd, text, length);
	int failure = errno;
	free(text);
	errno = failure;
	return ok;
}

char *store_write_text_unsynced(const char *dir, const char *text, size_t length, mode_t mode,
				int *fd)
{
	char *temporary = create_temporary(dir, mode, fd);
	if (!temporary || write_all(*fd, text, length))
		return temporary;
	int failure = errno;
	close(*fd);
	unlink(temporary);
	*fd = -1;
	free(temporary);
	errno = failure;
	return NULL;
}

char *store_write_unsynced(const char *dir, config_t *config, mode_t mode, int *fd)
{
	size_t length = 0;
	char *text = render(config, &length);
	char *temporary = text ? store_write_text_unsynced(dir, text, length, mode, fd) : NULL;
	int failure = errno;
	free(text);
	errno = failure;
	return temporary;
}

char *store_write_temporary(const char *dir, config_t *config, mode_t mode)
{
	int fd;
	char *temporary = store_write_unsynced(dir, config, mode, &fd);
	if (!temporary)
		return NULL;
	bool ok = fsync(fd) == 0;
	int failure = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		failure = errno;
	}
	if (ok)
		return temporary;
	unlink(temporary);
	free(temporary);
	errno = failure;
	return NULL;
}

void store_sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

void store_remove_stale(const char *dir)
{
	DIR *folder = opendir(dir);
	if (!folder)
		return;
	time_t now = time(NULL);
	struct dirent *entry;
	while ((entry = readdir(folder))) {
		/* Exactly what store_write_temporary() makes: .careerfit-XXXXXX */
		if (strncmp(entry->d_name, ".careerfit-", 11) != 0 || strlen(entry->d_name) != 17)
			continue;
		struct stat info;
		if (fstatat(dirfd(folder), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(info.st_mode) && info.st_mtime < now - STORE_STALE_SECONDS)
			unlinkat(dirfd(folder), entry->d_name, 0);
	}
	closedir(folder);
}
