#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

static char folder[] = "/tmp/careerfit-fuzz-XXXXXX";
static char path[64];

static void remove_folder(void)
{
	unlink(path);
	rmdir(folder);
}

const char *fuzz_write(const uint8_t *data, size_t size)
{
	if (!path[0]) {
		if (!mkdtemp(folder))
			abort();
		snprintf(path, sizeof(path), "%s/input.cfg", folder);
		atexit(remove_folder);
	}
	FILE *file = fopen(path, "wb");
	if (!file || fwrite(data, 1, size, file) != size || fclose(file) != 0)
		abort();
	return path;
}
