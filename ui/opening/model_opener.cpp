#include "model_opener.h"

#include "common/problem_text.h"

#include "data/series_corpus.h"
#include "explore/example_lesson.h"
#include "explore/forecast.h"
#include "io/model_metadata.h"
#include "explorer/explorer_session.h"
#include "explorer/read_tape.h"
#include "gallery/example_gallery.h"


#include <algorithm>

namespace lstm {

namespace {
constexpr std::int64_t kSeriesShown = 400;   // values the explorer reads of a series model's data …
constexpr std::int64_t kSeriesContext = 200; // … of which this many come before its validation part

// Where a series' held-out part starts: as recorded, else the last tenth; at least one value on either side.
std::int64_t validationStartOf(const SeriesRecord &series, std::int64_t size) {
  return std::clamp<std::int64_t>(series.validationStart.value_or(size * 9 / 10), 1, size - 1);
}
} // namespace

ModelOpener::ModelOpener(ExplorerSession *session, QObject *parent) : QObject(parent), m_session(session) {}

ModelOpener::~ModelOpener() = default; // a series still loading is abandoned, not waited for

QString ModelOpener::defaultModelPath() { return QStringLiteral(":/models/examples/01-parens.lstm"); }

QString ModelOpener::builtInModelPath() { return QStringLiteral(":/models/default.lstm"); }

QString ModelOpener::defaultPrimer() {
  return QStringLiteral("A classic is something that everyone wants to have read and nobody wants to read.\n"
                        "\t\t-- Mark Twain\n\n"
                        "The man who does not read good books has no advantage over the man who cannot read them.\n"
                        "\t\t-- Mark Twain\n");
}

bool ModelOpener::open(const QString &path, QString *error) {
  QString ignored;
  if (!m_session->openModel(path, error ? error : &ignored))
    return false;
  if (!openLessonOf(path))
    prime();
  afterOpened();
  return true;
}

bool ModelOpener::openExample(const ExampleEntry &entry, QString *error) {
  if (!lstm::openExample(*m_session, entry, error))
    return false;
  afterOpened();
  return true;
}

bool ModelOpener::openLessonOf(const QString &path) {
  const auto lesson = ExampleLesson::of(m_session->model());
  if (!lesson)
    return false;
  QString ignored; // a primer the model cannot read: it is primed as any other model instead
  return lstm::openExample(*m_session, ExampleEntry{path, m_session->sharedModel(), *lesson}, &ignored);
}

void ModelOpener::prime() {
  // A freshly opened model should show live gates at once: read the sample text when the model knows its
  // characters, otherwise let it write a few lines of its own.
  if (!m_session->model().config.usesTokens())
    return;
  QString ignored;
  if (m_session->setText(defaultPrimer(), &ignored)) {
    readTape(*m_session);
  } else if (m_session->model().config.head == HeadKind::Softmax) {
    m_session->setMode(DriveMode::Write);
    m_session->stepMany(kPrimeSteps);
  }
}

void ModelOpener::showTrained(std::shared_ptr<const Model> model, const QString &source, const QString &probeText) {
  // Another moment of the same run: the same text through the new weights, with zoom and selection kept.
  if (m_session->setWeights(model, source)) {
    Q_EMIT weightsSwapped(std::move(model)); // a series run: the forecast follows the weights too
    return;
  }
  if (isSeriesModel(*model)) { // a new forecaster: its own series, in the explorer and for the forecast
    m_session->setModel(std::move(model), source);
    afterOpened();
    return;
  }
  // A new network: keep the user's text when the model can read it, otherwise probe it with held-out text.
  const QString text = m_session->hasModel() && m_session->model().config.usesTokens() ? m_session->tapeText() : QString();
  m_session->setModel(std::move(model), source);
  QString ignored;
  const QString probe = !text.isEmpty() && m_session->setText(text, &ignored) ? text : probeText;
  if (probe.isEmpty() || !m_session->setText(probe, &ignored))
    prime();
  else
    readTape(*m_session);
  afterOpened();
}

bool ModelOpener::readText(const QString &text, int steps, QString *error) {
  QString ignored;
  if (!m_session->setText(text, error ? error : &ignored))
    return false;
  readTape(*m_session, steps);
  return true;
}

void ModelOpener::afterOpened() {
  m_seriesJob.cancel(); // a series still loading belongs to the model this one replaced
  const auto model = m_session->sharedModel();
  Q_EMIT opened(model);
  if (model && isSeriesModel(*model))
    loadSeriesOf(*model);
}

void ModelOpener::loadSeriesOf(const Model &model) {
  // The series is regenerated or re-read from its CSV file off the GUI thread; a newer request wins.
  const SeriesRecord series = readMetadata(model.metadata).series.value_or(SeriesRecord{});
  m_seriesJob.start(
      [series](const BackgroundJob<LoadedValues>::Control &) {
        LoadedValues loaded;
        Problem problem;
        loaded.values = seriesValuesOf(series, &problem);
        if (!loaded.values)
          loaded.problem = problemText(problem);
        return loaded;
      },
      [this, series](LoadedValues loaded) { onValuesLoaded(std::move(loaded), series); });
}

void ModelOpener::onValuesLoaded(LoadedValues loaded, const SeriesRecord &series) {
  if (!loaded.values) {
    Q_EMIT seriesUnavailable(loaded.problem);
    return;
  }
  std::vector<double> &values = *loaded.values;
  const auto size = std::int64_t(values.size());
  const std::int64_t validation = validationStartOf(series, size);
  // The explorer steps through a stretch around the start of the held-out part (steps are time points), so its
  // gates can be read beside the forecast of the same values.
  const std::int64_t first = std::max<std::int64_t>(0, validation - kSeriesContext);
  const std::int64_t last = std::min(size, validation + kSeriesShown - kSeriesContext);
  QString refusal;
  if (m_session->setSeries(std::vector<double>(values.begin() + first, values.begin() + last), &refusal))
    readTape(*m_session);
  else
    Q_EMIT m_session->message(refusal); // the session's own sentence, shown where its messages go
  Q_EMIT seriesLoaded(ModelSeries{std::move(values), validation, series.column});
}

} // namespace lstm
