#include "complain.h"

#include <stdio.h>
#include <stdlib.h>

#include "careerfit/i18n.h"
#include "careerfit/text.h"

void vcomplain(const char *format, va_list args)
{
	va_list copy;
	va_copy(copy, args);
	int length = vsnprintf(NULL, 0, format, copy);
	va_end(copy);
	char *message = length >= 0 ? malloc((size_t)length + 1) : NULL;
	if (message)
		vsnprintf(message, (size_t)length + 1, format, args);
	char *clean = message ? text_sanitize(message) : NULL;
	fprintf(stderr, "careerfit: %s\n", clean ? clean : _("out of memory"));
	free(clean);
	free(message);
}

void complain(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vcomplain(format, args);
	va_end(args);
}
