#include "careerfit/i18n.h"

#include <stdlib.h>

#include "config.h"

void i18n_init(void)
{
	const char *dir = getenv("CAREERFIT_LOCALE_DIR");
	bindtextdomain("careerfit", dir && *dir == '/' ? dir : CAREERFIT_LOCALE_DIR);
	bind_textdomain_codeset("careerfit", "UTF-8");
	textdomain("careerfit");
}
