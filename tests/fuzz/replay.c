/* Runs a fuzz target over files, without libFuzzer: the normal test suite
 * replays every input the fuzzers ever found (and the seed corpus) under
 * the sanitizers, so a fixed crash stays fixed. Arguments are folders. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return 1;
	uint8_t *data = NULL;
	size_t size = 0, capacity = 0, got;
	do {
		if (size == capacity && !(data = realloc(data, capacity = capacity * 2 + 4096)))
			abort();
		got = fread(data + size, 1, capacity - size, file);
		size += got;
	} while (got > 0);
	fclose(file);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int files = 0, failures = 0;
	for (int i = 1; i < argc; i++) {
		DIR *folder = opendir(argv[i]);
		struct dirent *entry;
		while (folder && (entry = readdir(folder))) {
			if (entry->d_name[0] == '.')
				continue;
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", argv[i], entry->d_name);
			failures += replay_file(path);
			files++;
		}
		if (folder)
			closedir(folder);
	}
	printf("replayed %d inputs, %d unreadable\n", files, failures);
	return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
