/* Writing libconfig files safely: what result files and saved progress
 * share. A file is first written whole to a hidden temporary file in its
 * folder and flushed to the disk; only then does it get its name. */
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

char *store_write_temporary(const char *dir, config_t *config, mode_t mode)
{
	size_t size = strlen(dir) + sizeof("/.careerfit-XXXXXX");
	char *temporary = malloc(size);
	if (!temporary)
		return NULL;
	snprintf(temporary, size, "%s/.careerfit-XXXXXX", dir);
	int fd = mkstemp(temporary);
	if (fd < 0) {
		free(temporary);
		return NULL;
	}
	FILE *file = fchmod(fd, mode) == 0 ? fdopen(fd, "w") : NULL;
	if (!file) {
		close(fd);
		goto err;
	}
	config_write(config, file);
	bool ok = fflush(file) == 0 && !ferror(file) && fsync(fd) == 0;
	int failure = errno;
	if (fclose(file) != 0 || !ok) {
		errno = ok ? errno : failure;
		goto err;
	}
	return temporary;
err:
	failure = errno;
	unlink(temporary);
	free(temporary);
	errno = failure;
	return NULL;
}

bool store_replace(const char *path, config_t *config)
{
	char *folder = strdup(path);
	if (!folder)
		return false;
	char *slash = strrchr(folder, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(folder, ".");
	char *temporary = store_write_temporary(folder, config, 0600);
	bool ok = temporary && rename(temporary, path) == 0;
	int failure = errno;
	if (temporary && !ok)
		unlink(temporary);
	if (ok)
		store_sync_folder(folder);
	free(temporary);
	free(folder);
	errno = failure;
	return ok;
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
