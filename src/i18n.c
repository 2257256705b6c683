#include "careerfit/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

bool i18n_untranslated;

/* gettext itself ignores LANGUAGE in "C" and "POSIX" only. */
static bool messages_untranslated(void)
{
	const char *messages = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	if (!messages)
		return false;
	if (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		return true;
	return strncmp(messages, "C.", 2) == 0 && (!language || !*language);
}

void i18n_init(void)
{
	i18n_untranslated = messages_untranslated();
	const char *dir = getenv("CAREERFIT_LOCALE_DIR");
	bindtextdomain("careerfit", dir && *dir == '/' ? dir : CAREERFIT_LOCALE_DIR);
	bind_textdomain_codeset("careerfit", "UTF-8");
	textdomain("careerfit");
}
