#pragma once
// A guided lesson: a JSON file of steps a teacher writes (docs/lessons.md is the format reference). Each step
// has a text and may load a model, read a text, select a unit, apply interventions, move the cursor, bring a
// view forward and ask a question. Shipped lessons live in resources/lessons/ (":/lessons/…").
//
// Steps inherit: a step's effective state (stateAt) is the model, text, selection and interventions of the last
// earlier step that gave them, so going back to a step restores exactly what it showed, whatever the path there.
// "reload", "cursor" and "view" belong to their own step only.
//
// Translatable texts (title, summary, a step's title, text, question, answer) are a string or an object
// {"en": "…", "zh_CN": "…"}; LocalizedText::in picks one by language code, falling back to "en".
// Parsing checks everything the file alone decides and refuses unknown keys; checks against a model's shape
// (checkAgainst) happen when the step is applied. Every problem is one sentence naming the field,
// e.g. "steps[3].unit: -1 is not a non-negative integer". Reentrant; no widgets.
#include "common/problem.h"
#include "intervention.h"
#include "model/model_config.h"
#include "trace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace lstm {

struct LocalizedText {
  std::vector<std::pair<QString, QString>> texts = {}; // (language code, text) in file order; code "" = plain string

  bool isEmpty() const { return texts.empty(); }
  // The text for `language` ("en", "zh_CN" …): exact code, then the same language ("zh" matches "zh_TW"), then
  // "en", then a plain string, then the first one given; "" when there is none.
  QString in(const QString &language) const;
};

// "zh_CN" when the default QLocale is Chinese, "en" otherwise (the language contract of the UI).
QString currentLessonLanguage();

struct LessonStep {
  LocalizedText title;                                   // optional heading of the step
  LocalizedText text;                                    // Markdown, or HTML when it starts with '<'
  LocalizedText question;
  LocalizedText answer;
  QString model;                                         // "" keeps the current one; ":/…" or a file path
  bool reload = false;                                   // reopen the model even when it is already open
  std::optional<QString> read;                           // text to read after loading
  int readSteps = -1;                                    // characters of `read` to step through; −1: all
  int layer = -1;                                        // −1: not given; 0-based like ExampleLesson
  int unit = -1;                                         // −1: not given; 0-based
  std::optional<Quantity> quantity;
  std::optional<std::vector<Intervention>> interventions; // given (maybe empty): replaces the active ones
  int cursor = -1;                                       // step to inspect, 0-based; −1: the last step read
  QString view;                                          // a view to bring forward (checkViews), or ""
};

// What a step shows once earlier steps are folded in. *From fields: index of the step that gave the value
// (−1 when no step did), so problems name the step to fix.
struct LessonState {
  QString model;
  int modelFrom = -1;
  bool reload = false;
  std::optional<QString> read;
  int readSteps = -1;
  int readFrom = -1;
  int layer = -1, unit = -1;
  int layerFrom = -1, unitFrom = -1;
  std::optional<Quantity> quantity;
  std::vector<Intervention> interventions;
  int interventionsFrom = -1;
  int cursor = -1;
  QString view;
};

struct GuidedLesson {
  LocalizedText title;
  LocalizedText summary;
  std::vector<LessonStep> steps; // at least one

  // Parses lesson JSON. nullopt with `problem` naming the field (or a syntax error with line and column).
  static std::optional<GuidedLesson> fromJson(const QByteArray &json, Problem *problem);
  // Reads and parses a file (":/…" too); relative model paths are resolved against the file's folder.
  // nullopt with `problem` (file = path).
  static std::optional<GuidedLesson> load(const QString &path, Problem *problem);
  // Precondition: 0 ≤ step < steps.size().
  LessonState stateAt(int step) const;
};

// False, with the first step whose "view" is not one of `views` (the names the UI can bring forward) in
// `problem` (LessonNotView: "steps[3].view: \"heatmap\" is not one of heatmapDock, unitTraceDock"), true when
// every view is known. Parsing leaves views to this check because only the UI knows its views.
bool checkViews(const GuidedLesson &lesson, const QStringList &views, Problem *problem);

// Problems of `state` (of step `step`) on a model of `config`: layer/unit/cursor/interventions outside it.
// True when it fits; otherwise false and `problem`, e.g. LessonOutside "steps[1].unit: 40 is outside 0…15".
// `steps` is how many steps the session has read (the cursor is checked against it when ≥ 0).
bool checkAgainst(const LessonState &state, int step, const ModelConfig &config, int steps = -1,
                  Problem *problem = nullptr);

} // namespace lstm
