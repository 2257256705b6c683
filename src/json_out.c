#include "careerfit/json_out.h"

#include <stdlib.h>
#include <string.h>

#include "careerfit/text.h"

struct json_object *json_out_text(const char *text)
{
	char *clean = text_sanitize(text);
	struct json_object *string = json_object_new_string(clean ? clean : "");
	free(clean);
	return string;
}

char *json_out_finish(struct json_object *root)
{
	const char *text = json_object_to_json_string_ext(
		root,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	char *copy = text ? strdup(text) : NULL;
	json_object_put(root);
	return copy;
}
