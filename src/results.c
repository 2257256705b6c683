#include "careerfit/results.h"

#include "careerfit/guard.h"

#include "careerfit/i18n.h"

#include "careerfit/store.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careerfit/text.h"

/* FNV-1a: small and stable across machines; the hash tells versions of a
 * quiz apart, it is not meant to resist anyone. */
static void hash_bytes(uint64_t *hash, const void *data, size_t length)
{
	const unsigned char *bytes = data;
	for (size_t i = 0; i < length; i++) {
		*hash ^= bytes[i];
		*hash *= 0x100000001B3ull;
	}
}

static void hash_text(uint64_t *hash, const char *text)
{
	hash_bytes(hash, text, strlen(text) + 1);
}

static void hash_number(uint64_t *hash, double value)
{
	char text[32];
	text_format_c(text, sizeof(text), "%.17g", value == 0 ? 0.0 : value);
	hash_text(hash, text);
}

static void hash_question(uint64_t *hash, const struct quiz *quiz, size_t q)
{
	const struct quiz_question *question = &quiz->questions[q];
	hash_text(hash, question->id);
	hash_number(hash, question->weight);
	for (size_t o = 0; o < question->option_count; o++) {
		hash_text(hash, question->options[o].text);
		for (size_t r = 0; r < quiz->role_count; r++) {
			hash_text(hash, quiz->roles[r].id);
			hash_number(hash, question->options[o].scores[r]);
		}
	}
}

static void hash_format(uint64_t hash, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)hash);
}

void results_quiz_hash(const struct quiz *quiz, char out[17])
{
	uint64_t hash = 0xCBF29CE484222325ull;
	hash_text(&hash, quiz->id);
	for (size_t r = 0; r < quiz->role_count; r++)
		hash_text(&hash, quiz->roles[r].id);
	for (size_t q = 0; q < quiz->question_count; q++)
		hash_question(&hash, quiz, q);
	hash_format(hash, out);
}

void results_text_hash(const char *text, char out[17])
{
	uint64_t hash = 0xCBF29CE484222325ull;
	hash_text(&hash, text);
	hash_format(hash, out);
}

void results_question_hash(const struct quiz *quiz, size_t question, char out[17])
{
	uint64_t hash = 0xCBF29CE484222325ull;
	hash_question(&hash, quiz, question);
	hash_format(hash, out);
}

/* Letters of any script are kept (a workshop in Lagos or Lyon has names
 * beyond ASCII); ASCII punctuation, spaces and controls become one '-'.
 * Beyond ASCII only the Latin-1 signs, the general punctuation and the
 * CJK punctuation blocks are dropped: no other character can split a
 * path, and the decision must not depend on the locale. */
static bool name_character_is_safe(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		       c == '_' || c == '-';
	bool punctuation = c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
			   (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD;
	return !punctuation;
}

char *results_safe_name(const char *name)
{
	size_t length = strlen(name);
	char *safe = malloc(length + sizeof("anonymous"));
	if (!safe)
		return NULL;
	size_t out = 0;
	for (const char *c = name; *c;) {
		size_t size;
		uint32_t character = text_decode(c, &size);
		if (out + size > RESULTS_NAME_MAX)
			break; /* whole characters only: the name stays valid UTF-8 */
		if (name_character_is_safe(character)) {
			memcpy(safe + out, c, size);
			out += size;
		} else if (out > 0 && safe[out - 1] != '-') {
			safe[out++] = '-';
		}
		c += size;
	}
	while (out > 0 && safe[out - 1] == '-')
		out--;
	if (out == 0)
		strcpy(safe, "anonymous");
	else
		safe[out] = '\0';
	return safe;
}

__attribute__((format(printf, 1, 2))) static char *format_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vsnprintf(NULL, 0, format, args);
	va_end(args);
	char *text = length < 0 ? NULL : malloc((size_t)length + 1);
	if (text) {
		va_start(args, format);
		vsnprintf(text, (size_t)length + 1, format, args);
		va_end(args);
	}
	return text;
}

static char *join_path(const char *dir, const char *name)
{
	return format_error("%s/%s", dir, name);
}

bool results_check_folder(const char *dir, char **error)
{
	*error = NULL;
	struct stat info;
	if (!store_make_folders(dir) || stat(dir, &info) != 0) {
		/* TRANSLATORS: the first %s is a folder, the second the system's
		 * reason, such as "Permission denied". */
		*error = format_error(_("cannot create the folder %s: %s"), dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(info.st_mode)) {
		/* TRANSLATORS: %s is a path. */
		*error = format_error(_("%s is not a folder"), dir);
		return false;
	}
	store_remove_stale(dir);
	char *probe = join_path(dir, ".careerfit-probe-XXXXXX");
	int fd = probe ? mkstemp(probe) : -1;
	if (fd < 0) {
		/* TRANSLATORS: the first %s is a folder, the second the system's
		 * reason, such as "Permission denied". */
		*error = format_error(_("cannot write in %s: %s"), dir, strerror(errno));
		free(probe);
		return false;
	}
	close(fd);
	unlink(probe);
	free(probe);
	return true;
}

static void build_roles(struct store_build *b, config_setting_t *root, const struct quiz *quiz,
			const struct score_result *result)
{
	config_setting_t *roles = store_add(b, root, "roles", CONFIG_TYPE_LIST);
	/* In the quiz's order, so that every file of a quiz lists its roles
	 * alike; "top" marks the top roles. */
	for (size_t r = 0; r < result->role_count; r++) {
		bool top = false;
		for (size_t i = 0; i < result->top_count; i++)
			top = top || result->ranking[i] == r;
		config_setting_t *role = store_add(b, roles, NULL, CONFIG_TYPE_GROUP);
		store_add_string(b, role, "id", quiz->roles[r].id);
		store_add_string(b, role, "name", quiz->roles[r].name);
		if (result->roles[r].defined)
			store_add_float(b, role, "affinity", result->roles[r].affinity);
		store_add_bool(b, role, "top", top);
	}
}

static void build_answers(struct store_build *b, config_setting_t *root, const struct quiz *quiz,
			  const int *answers)
{
	config_setting_t *list = store_add(b, root, "answers", CONFIG_TYPE_LIST);
	for (size_t q = 0; q < quiz->question_count; q++) {
		const struct quiz_question *question = &quiz->questions[q];
		config_setting_t *answer = store_add(b, list, NULL, CONFIG_TYPE_GROUP);
		store_add_string(b, answer, "question", question->id);
		store_add_string(b, answer, "prompt", question->prompt);
		if (question->pair)
			store_add_string(b, answer, "pair", question->pair);
		store_add_int(b, answer, "option", answers[q] >= 0 ? answers[q] : -1);
		if (answers[q] < 0)
			continue;
		store_add_string(b, answer, "text", question->options[answers[q]].text);
		config_setting_t *scores = store_add(b, answer, "scores", CONFIG_TYPE_GROUP);
		for (size_t r = 0; r < quiz->role_count; r++)
			if (question->options[answers[q]].scores[r] != 0)
				store_add_float(b, scores, quiz->roles[r].id,
						question->options[answers[q]].scores[r]);
	}
}

/* How sure the result is, as the person was told. */
static void build_clarity(struct store_build *b, config_setting_t *root,
			  const struct outcome *outcome)
{
	const struct clarity *clarity = &outcome->clarity;
	config_setting_t *group = store_add(b, root, "clarity", CONFIG_TYPE_GROUP);
	store_add_string(b, group, "band", clarity_band_id(clarity->band));
	if (clarity->has_margin)
		store_add_float(b, group, "margin", clarity->margin);
	if (clarity->has_chance)
		store_add_float(b, group, "chance", clarity->chance);
	int runner_up = outcome_runner_up(outcome);
	if (runner_up >= 0)
		store_add_string(b, root, "runner_up", outcome->quiz->roles[runner_up].id);
}

static bool build_record(config_t *config, const struct outcome *outcome, const char *name,
			 time_t when)
{
	const struct quiz *quiz = outcome->quiz;
	struct store_build b = {.ok = true};
	config_setting_t *root = config_root_setting(config);
	char hash[17], stamp[32];
	results_quiz_hash(quiz, hash);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&when));
	store_add_int(&b, root, "format", RESULTS_FORMAT_VERSION);
	config_setting_t *group = store_add(&b, root, "quiz", CONFIG_TYPE_GROUP);
	store_add_string(&b, group, "id", quiz->id);
	store_add_string(&b, group, "title", quiz->title);
	store_add_int(&b, group, "version", quiz->version);
	store_add_string(&b, group, "hash", hash);
	store_add_string(&b, root, "participant", name);
	store_add_string(&b, root, "time", stamp);
	build_roles(&b, root, quiz, &outcome->score);
	build_clarity(&b, root, outcome);
	build_answers(&b, root, quiz, outcome->answers);
	return b.ok;
}

/* Gives TEMPORARY the name PATH without ever replacing a file: link()
 * fails if PATH exists. File systems without hard links (a FAT stick in a
 * workshop) get PATH reserved with O_EXCL, then replaced by the whole
 * file in one rename(). Returns 0 or an errno value. */
static int claim(const char *temporary, const char *path)
{
	if (link(temporary, path) == 0)
		return 0;
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
		return errno;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return errno;
	close(fd);
	if (rename(temporary, path) == 0)
		return 0;
	int failure = errno;
	unlink(path);
	return failure;
}

/* Two people with the same name in the same second each get a file. */
static char *publish(const char *dir, const char *temporary, const char *stem, char **error)
{
	for (int attempt = 1; attempt < 1000; attempt++) {
		char name[512];
		if (attempt == 1)
			snprintf(name, sizeof(name), "%s.cfg", stem);
		else
			snprintf(name, sizeof(name), "%s-%d.cfg", stem, attempt);
		char *path = join_path(dir, name);
		if (!path)
			break;
		int failure = claim(temporary, path);
		if (failure == 0)
			return path;
		free(path);
		if (failure != EEXIST) {
			/* TRANSLATORS: the first %s is a folder, the second the
			 * system's reason, such as "Permission denied". */
			*error = format_error(_("cannot save the result in %s: %s"), dir,
					      strerror(failure));
			return NULL;
		}
	}
	if (!*error)
		/* TRANSLATORS: %s is a folder. */
		*error = format_error(_("cannot find a free file name in %s"), dir);
	return NULL;
}

bool results_save(const char *dir, const struct outcome *outcome, const char *name, time_t when,
		  char **saved, char **error)
{
	const struct quiz *quiz = outcome->quiz;
	*saved = NULL;
	*error = NULL;
	if (!results_check_folder(dir, error))
		return false;
	config_t config;
	config_init(&config);
	char *temporary = NULL, *safe = results_safe_name(name);
	if (!safe || !build_record(&config, outcome, name, when)) {
		*error = format_error("%s", _("out of memory while saving the result"));
		goto done;
	}
	char stem[400], stamp[32];
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", gmtime(&when));
	/* Quiz ids are ASCII: cutting them by bytes is safe. The whole name
	 * stays well under the 255 bytes a file name may take. */
	snprintf(stem, sizeof(stem), "%.64s-%s-%s", quiz->id, safe, stamp);
	/* A workshop folder is shared: the mentor reads everyone's files. */
	temporary = store_write_temporary(dir, &config, 0644);
	if (!temporary)
		/* TRANSLATORS: the first %s is a folder, the second the system's
		 * reason, such as "No space left on device". */
		*error = format_error(_("cannot write the result in %s: %s"), dir, strerror(errno));
	if (temporary) {
		*saved = publish(dir, temporary, stem, error);
		unlink(temporary);
		store_sync_folder(dir);
	}
done:
	free(temporary);
	free(safe);
	config_destroy(&config);
	return *saved != NULL;
}

/* Reading: every setting is checked, since a result folder may hold a
 * truncated file, a stranger's file or plain garbage. */
struct reader {
	const char *path;
	char **error;
};

static bool reject(struct reader *rd, const config_setting_t *where, const char *what)
{
	if (*rd->error)
		return false;
	char line[32] = "";
	if (where && config_setting_source_line(where))
		snprintf(line, sizeof(line), ":%u", config_setting_source_line(where));
	char *shown = format_error("%s%s", rd->path, line);
	if (shown)
		/* TRANSLATORS: the first %s is FILE or FILE:LINE, the second says
		 * what is wrong with the file, such as "no list of roles". */
		*rd->error = format_error(_("%s: not a careerfit result: %s"), shown, what);
	free(shown);
	return false;
}

static bool read_string(struct reader *rd, const config_setting_t *group, const char *name,
			char **out)
{
	const char *value = NULL;
	if (!config_setting_lookup_string(group, name, &value)) {
		char what[96];
		/* TRANSLATORS: why a file is not a careerfit result: the setting
		 * %s (a name in the file, not translated) holds no text. */
		snprintf(what, sizeof(what), _("no text '%s'"), name);
		return reject(rd, group, what);
	}
	*out = strdup(value);
	return *out != NULL || reject(rd, group, _("out of memory"));
}

static bool read_number(const config_setting_t *group, const char *name, double *out)
{
	const config_setting_t *setting = config_setting_get_member(group, name);
	if (!setting)
		return false;
	switch (config_setting_type(setting)) {
	case CONFIG_TYPE_FLOAT:
		*out = config_setting_get_float(setting);
		return true;
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		*out = (double)config_setting_get_int64(setting);
		return true;
	default:
		return false;
	}
}

static bool read_roles(struct reader *rd, const config_setting_t *root,
		       struct result_record *record)
{
	const config_setting_t *list = config_setting_get_member(root, "roles");
	int count = list && config_setting_is_list(list) ? config_setting_length(list) : 0;
	if (count < 1 || count > QUIZ_MAX_ROLES)
		return reject(rd, list ? list : root, _("no list of roles"));
	record->roles = calloc((size_t)count, sizeof(*record->roles));
	if (!record->roles)
		return reject(rd, root, _("out of memory"));
	record->role_count = (size_t)count;
	for (int i = 0; i < count; i++) {
		const config_setting_t *group = config_setting_get_elem(list, (unsigned)i);
		struct result_role *role = &record->roles[i];
		int top = 0;
		if (!config_setting_is_group(group) || !read_string(rd, group, "id", &role->id) ||
		    !read_string(rd, group, "name", &role->name))
			return reject(rd, group, _("a role is not a group with an id and a name"));
		if (!quiz_id_is_valid(role->id, QUIZ_ID_ROLE))
			return reject(rd, group, _("a role id is not valid"));
		role->defined = read_number(group, "affinity", &role->affinity);
		if (role->defined && !(role->affinity >= 0 && role->affinity <= 100))
			return reject(rd, group, _("an affinity is not between 0 and 100"));
		config_setting_lookup_bool(group, "top", &top);
		role->top = top;
	}
	return true;
}

static int record_role_index(const struct result_record *record, const char *id)
{
	for (size_t r = 0; r < record->role_count; r++)
		if (strcmp(record->roles[r].id, id) == 0)
			return (int)r;
	return -1;
}

static bool read_answer(struct reader *rd, const config_setting_t *group,
			struct result_record *record, struct result_answer *answer)
{
	int option = -1;
	if (!config_setting_is_group(group) ||
	    !read_string(rd, group, "question", &answer->question) ||
	    !read_string(rd, group, "prompt", &answer->prompt) ||
	    !config_setting_lookup_int(group, "option", &option) || option < -1 ||
	    option >= QUIZ_MAX_OPTIONS)
		return reject(rd, group, _("an answer lacks its question or option"));
	if (!quiz_id_is_valid(answer->question, QUIZ_ID_OTHER))
		return reject(rd, group, _("a question id is not valid"));
	const char *pair = NULL;
	if (config_setting_lookup_string(group, "pair", &pair) &&
	    (!quiz_id_is_valid(pair, QUIZ_ID_OTHER) || !(answer->pair = strdup(pair))))
		return reject(rd, group, _("a pair is not a question id"));
	answer->option = option;
	answer->scores = calloc(record->role_count, sizeof(double));
	if (!answer->scores)
		return reject(rd, group, _("out of memory"));
	if (option < 0)
		return (answer->text = strdup("")) != NULL;
	if (!read_string(rd, group, "text", &answer->text))
		return false;
	const config_setting_t *scores = config_setting_get_member(group, "scores");
	int count = scores && config_setting_is_group(scores) ? config_setting_length(scores) : 0;
	for (int i = 0; i < count; i++) {
		const config_setting_t *score = config_setting_get_elem(scores, (unsigned)i);
		int role = record_role_index(record, config_setting_name(score));
		if (role < 0)
			return reject(rd, score,
				      _("an answer scores a role the file does not list"));
		if (!read_number(scores, config_setting_name(score), &answer->scores[role]))
			return reject(rd, score, _("a score is not a number"));
	}
	return true;
}

static bool read_answers(struct reader *rd, const config_setting_t *root,
			 struct result_record *record)
{
	const config_setting_t *list = config_setting_get_member(root, "answers");
	if (!list || !config_setting_is_list(list))
		return reject(rd, root, _("no list of answers"));
	int count = config_setting_length(list);
	record->answers = calloc(count ? (size_t)count : 1, sizeof(*record->answers));
	if (!record->answers)
		return reject(rd, root, _("out of memory"));
	for (int i = 0; i < count; i++) {
		record->answer_count = (size_t)i + 1;
		if (!read_answer(rd, config_setting_get_elem(list, (unsigned)i), record,
				 &record->answers[i]))
			return false;
	}
	return true;
}

static bool read_header(struct reader *rd, const config_setting_t *root,
			struct result_record *record)
{
	int format = 0;
	const config_setting_t *quiz = config_setting_get_member(root, "quiz");
	if (!config_setting_lookup_int(root, "format", &format) || format != RESULTS_FORMAT_VERSION)
		/* TRANSLATORS: format = 1 is written in the file: keep it as it is. */
		return reject(rd, root, _("no 'format = 1'"));
	if (!quiz || !config_setting_is_group(quiz) ||
	    !read_string(rd, quiz, "id", &record->quiz_id) ||
	    !read_string(rd, quiz, "title", &record->quiz_title) ||
	    !read_string(rd, quiz, "hash", &record->quiz_hash) ||
	    !config_setting_lookup_int(quiz, "version", &record->quiz_version))
		return reject(rd, quiz ? quiz : root, _("no quiz id, title, version and hash"));
	if (!quiz_id_is_valid(record->quiz_id, QUIZ_ID_QUIZ))
		return reject(rd, quiz, _("the quiz id is not valid"));
	return read_string(rd, root, "participant", &record->name) &&
	       read_string(rd, root, "time", &record->time);
}

/* The clarity band and runner-up; optional, since files written before
 * bands existed have neither, but checked when present. */
static bool read_clarity(struct reader *rd, const config_setting_t *root,
			 struct result_record *record)
{
	const config_setting_t *clarity = config_setting_get_member(root, "clarity");
	const char *band = NULL, *runner_up = NULL;
	if (clarity && (!config_setting_is_group(clarity) ||
			!config_setting_lookup_string(clarity, "band", &band) ||
			!clarity_band_from_id(band, &record->band)))
		return reject(rd, clarity, _("the clarity has no known band"));
	record->has_band = clarity != NULL;
	const config_setting_t *member = config_setting_get_member(root, "runner_up");
	if (!member)
		return true;
	if (!config_setting_lookup_string(root, "runner_up", &runner_up) ||
	    record_role_index(record, runner_up) < 0)
		return reject(rd, member, _("the runner-up is not one of the file's roles"));
	record->runner_up = strdup(runner_up);
	return record->runner_up || reject(rd, member, _("out of memory"));
}

struct result_record *results_read(const char *path, char **error)
{
	*error = NULL;
	struct reader rd = {.path = path, .error = error};
	struct result_record *record = calloc(1, sizeof(*record));
	struct guard_text *text = NULL;
	config_t config;
	config_init(&config);
	if (!record || !(record->path = strdup(path)))
		goto err;
	/* A shared room folder may hold anything: a result file is read
	 * through the guard, which refuses includes, pipes and devices. */
	struct diag_list diags = {0};
	text = guard_read(path, "result", false, NULL, &diags);
	if (!text || !guard_parse(text, &config, &diags)) {
		const struct diag *first = diags.count ? &diags.items[0] : NULL;
		char where[4200];
		snprintf(where, sizeof(where), first && first->line ? "%s:%d" : "%s", path,
			 first ? first->line : 0);
		if (first && text)
			*error = format_error(_("%s: not a careerfit result: %s"), where,
					      /* TRANSLATORS: why a file is not a careerfit
					       * result: its syntax is broken. */
					      _("corrupt"));
		else if (first && first->line == 0)
			/* TRANSLATORS: the first %s is FILE, the second why. */
			*error = format_error(_("%s: cannot read: %s"), where, first->message);
		else if (first)
			*error = format_error(_("%s: not a careerfit result: %s"), where,
					      first->message);
		diag_list_clear(&diags);
		goto err;
	}
	diag_list_clear(&diags);
	const config_setting_t *root = config_root_setting(&config);
	if (!read_header(&rd, root, record) || !read_roles(&rd, root, record) ||
	    !read_answers(&rd, root, record) || !read_clarity(&rd, root, record))
		goto err;
	config_destroy(&config);
	guard_text_free(text);
	return record;
err:
	if (!*error)
		/* TRANSLATORS: %s is a file. */
		*error = format_error(_("%s: out of memory"), path);
	guard_text_free(text);
	config_destroy(&config);
	result_record_free(record);
	return NULL;
}

void result_record_free(struct result_record *record)
{
	if (!record)
		return;
	for (size_t r = 0; r < record->role_count; r++) {
		free(record->roles[r].id);
		free(record->roles[r].name);
	}
	for (size_t a = 0; a < record->answer_count; a++) {
		free(record->answers[a].question);
		free(record->answers[a].prompt);
		free(record->answers[a].text);
		free(record->answers[a].scores);
		free(record->answers[a].pair);
	}
	free(record->roles);
	free(record->answers);
	free(record->path);
	free(record->quiz_id);
	free(record->quiz_title);
	free(record->quiz_hash);
	free(record->name);
	free(record->time);
	free(record->runner_up);
	free(record);
}

bool results_mark_joined(const char *dir, const char *quiz_id, const char *name)
{
	char *safe = results_safe_name(name), hash[17];
	results_text_hash(name, hash);
	size_t size = strlen(dir) + strlen(quiz_id) + (safe ? strlen(safe) : 0) + 64;
	char *path = malloc(size);
	bool ok = false;
	if (safe && path) {
		snprintf(path, size, "%s/" RESULTS_JOINED_FOLDER, dir);
		if (mkdir(path, 0755) == 0 || errno == EEXIST) {
			snprintf(path, size, "%s/" RESULTS_JOINED_FOLDER "/%.64s-%s-%.8s", dir,
				 quiz_id, safe, hash);
			int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
			ok = fd >= 0 && close(fd) == 0;
		}
	}
	free(path);
	free(safe);
	return ok;
}
