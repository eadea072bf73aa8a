#include "explorer_session.h"

#include "common/problem_text.h"
#include "explorer_csv.h"
#include "explore/forecast.h"
#include "io/model_file.h"
#include "tape_input.h"

#include <algorithm>
#include <limits>

namespace lstm {

namespace {

constexpr int kTopK = 32; // next-token entries the trace keeps per step

// The scaling a series model stores in its metadata: the one place the session reads it.
std::optional<SeriesScaling> scalingOf(const Model &model, Problem *problem = nullptr) {
  return seriesScalingOf(model, problem);
}

} // namespace

ExplorerSession::ExplorerSession(QObject *parent) : QObject(parent), m_tape(std::make_unique<TextTape>()) {
  m_text = static_cast<TextTape *>(m_tape.get());
  connect(&m_player, &ExplorerPlayer::advanced, this, &ExplorerSession::afterSteps);
  connect(&m_player, &ExplorerPlayer::modeChanged, this, &ExplorerSession::modeChanged);
  connect(&m_player, &ExplorerPlayer::playingChanged, this, &ExplorerSession::playingChanged);
  connect(&m_player, &ExplorerPlayer::samplingChanged, this, &ExplorerSession::samplingChanged);
  connect(&m_player, &ExplorerPlayer::message, this, &ExplorerSession::message);
  m_player.setReplay([this] {
    if (!hasModel() || cursor() >= steps() - 1)
      return false;
    setCursor(cursor() + 1);
    return true;
  });
}

ExplorerSession::~ExplorerSession() = default;

bool ExplorerSession::openModel(const QString &path, QString *error) {
  Problem problem;
  auto loaded = loadModel(path, &problem);
  if (!loaded) {
    *error = problemText(problem);
    return false;
  }
  if (Problem inconsistency; !loaded->checkConsistency(&inconsistency)) {
    *error = problemText(inconsistency.inFile(path));
    return false;
  }
  setModel(std::make_shared<const Model>(std::move(*loaded)), path);
  return true;
}

void ExplorerSession::setModel(std::shared_ptr<const Model> model, const QString &source) {
  pause();
  m_model = std::move(model);
  m_stepper = std::make_unique<Stepper>(m_model, kTopK);
  m_source = source;
  m_scalingProblem = {};
  m_text = nullptr;
  m_series = nullptr;
  if (isSeriesModel(*m_model)) {
    auto series = std::make_unique<SeriesTape>(scalingOf(*m_model, &m_scalingProblem).value_or(SeriesScaling{}));
    m_series = series.get();
    m_tape = std::move(series);
  } else {
    auto text = std::make_unique<TextTape>(m_model->vocabulary);
    m_text = text.get();
    m_tape = std::move(text);
  }
  attachParts();
  m_focus.reset(layers(), units());
  const ModelConfig &config = m_model->config;
  m_player.startModel((config.usesTokens() && config.head == HeadKind::Softmax) || m_series);
  Q_EMIT modelChanged();
  Q_EMIT tapeChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor());
  Q_EMIT selectionChanged();
  Q_EMIT interventionsChanged();
}

bool ExplorerSession::setWeights(std::shared_ptr<const Model> model, const QString &source) {
  if (!hasModel() || !model || !(model->config == m_model->config) || !(model->vocabulary == m_model->vocabulary))
    return false;
  const std::optional<SeriesScaling> scaling = m_series ? scalingOf(*model) : SeriesScaling{};
  if (!scaling)
    return false;
  pause();
  const int keptCursor = cursor();
  const InterventionSet::History history = m_interventions.history();
  const std::vector<Intervention> current = m_interventions.active();
  m_model = std::move(model);
  m_stepper = std::make_unique<Stepper>(m_model, kTopK);
  m_source = source;
  if (m_series)
    m_series->setScaling(*scaling);
  m_scalingProblem = {};
  attachParts();
  // The tape holds every entry read so far (written ones included), so re-reading it gives the new weights
  // exactly the same input: snapshots compare like with like.
  const int count = std::min(int(history.size()), m_tape->length());
  m_interventions.replay(history, count, current, [this](int step) { m_tape->read(*m_stepper, step); });
  m_focus.placeCursor(std::min(keptCursor, m_stepper->position() - 1));
  Q_EMIT weightsChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor());
  return true;
}

void ExplorerSession::attachParts() {
  m_player.attach(m_stepper.get(), m_tape.get());
  m_interventions.attach(m_stepper.get());
}

// ---- the tape

bool ExplorerSession::setText(const QString &text, QString *error) {
  auto tokens = textInput(m_model.get(), text, error);
  if (!tokens)
    return false;
  pause();
  m_text->assign(std::move(*tokens));
  restartOnNewTape();
  return true;
}

bool ExplorerSession::appendText(const QString &text, QString *error) {
  auto tokens = textInput(m_model.get(), text, error);
  if (!tokens)
    return false;
  m_text->append(*tokens);
  Q_EMIT tapeChanged();
  return true;
}

bool ExplorerSession::setSeries(std::vector<double> values, QString *error) {
  if (const QString refusal = seriesRefusal(m_model.get(), m_scalingProblem); !refusal.isEmpty()) {
    *error = refusal;
    return false;
  }
  if (const std::optional<std::size_t> bad = m_series->assign(std::move(values))) {
    *error = notFiniteRefusal(*bad);
    return false;
  }
  pause();
  restartOnNewTape();
  return true;
}

void ExplorerSession::restartOnNewTape() {
  m_stepper->reset();
  m_focus.placeCursor(-1);
  Q_EMIT tapeChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor());
}

double ExplorerSession::predictionAt(int step) const {
  return m_series ? m_series->prediction(trace(), step) : std::numeric_limits<double>::quiet_NaN();
}

QString ExplorerSession::tokenText(std::int32_t token) const {
  return hasModel() ? lstm::tokenText(model().vocabulary, token) : QString();
}

QString ExplorerSession::tokenLabel(std::int32_t token) const {
  return hasModel() ? lstm::tokenLabel(model().vocabulary, token) : QString();
}

// ---- stepping

void ExplorerSession::afterSteps(bool wroteTape) {
  if (wroteTape)
    Q_EMIT tapeChanged();
  m_focus.placeCursor(m_stepper->position() - 1);
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor());
}

bool ExplorerSession::stepBack() {
  if (!hasModel() || !m_stepper->back())
    return false;
  afterSteps(false);
  return true;
}

bool ExplorerSession::nextStep() {
  if (!hasModel()) {
    Q_EMIT message(tr("No model is open."));
    return false;
  }
  if (cursor() < steps() - 1) {
    setCursor(cursor() + 1);
    return true;
  }
  return stepForward(); // at the last step: a new one, or a message saying why not
}

bool ExplorerSession::previousStep() {
  if (cursor() <= 0) {
    Q_EMIT message(steps() == 0 ? tr("No step taken yet: → reads the first character.") : tr("This is the first step."));
    return false;
  }
  setCursor(cursor() - 1);
  return true;
}

bool ExplorerSession::firstStep() {
  if (steps() == 0 || cursor() == 0)
    return previousStep(); // says why nothing moves
  setCursor(0);
  return true;
}

bool ExplorerSession::lastStep() {
  if (steps() == 0) {
    Q_EMIT message(tr("No step taken yet: → reads the first character."));
    return false;
  }
  if (cursor() == steps() - 1) {
    Q_EMIT message(tr("This is the last step."));
    return false;
  }
  setCursor(steps() - 1);
  return true;
}

bool ExplorerSession::dropLastStep() {
  if (stepBack())
    return true;
  Q_EMIT message(tr("There is no step to drop."));
  return false;
}

void ExplorerSession::reset() {
  if (!hasModel())
    return;
  pause();
  m_stepper->reset();
  afterSteps(false);
}

// ---- focus

void ExplorerSession::setCursor(int step) {
  if (m_focus.setCursor(step, steps()))
    Q_EMIT cursorChanged(cursor());
}

void ExplorerSession::onFocusChanged(QObject *context, const std::function<void()> &onChange) {
  connect(this, &ExplorerSession::modelChanged, context, onChange);
  connect(this, &ExplorerSession::traceChanged, context, onChange);
  connect(this, &ExplorerSession::cursorChanged, context, onChange);
  connect(this, &ExplorerSession::selectionChanged, context, onChange);
  connect(this, &ExplorerSession::interventionsChanged, context, onChange);
}

// ---- interventions

bool ExplorerSession::afterInterventionEdit(bool changed) {
  if (!changed)
    return false;
  if (steps() == 0 || cursor() < 0) {
    Q_EMIT interventionsChanged();
    return true;
  }
  // The steps from the cursor on ran with the old set: run them again with the current one. The trace is
  // re-run before interventionsChanged, so whoever hears it sees the new values.
  pause();
  m_interventions.rerunFrom(
      cursor(), [this](int step) { m_tape->read(*m_stepper, step); }, [this] { return m_player.stepOnce(); });
  if (mode() == DriveMode::Write)
    Q_EMIT tapeChanged();
  Q_EMIT interventionsChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor()); // the re-run leaves the focus where the user put it
  return true;
}

bool ExplorerSession::rereadFromStart() {
  if (steps() == 0) {
    Q_EMIT message(tr("No step taken yet: there is nothing to re-read."));
    return false;
  }
  pause();
  const int count = steps();
  const int keptCursor = cursor();
  m_stepper->reset(); // the interventions stay active
  for (int s = 0; s < count; ++s)
    m_tape->read(*m_stepper, s);
  m_focus.placeCursor(keptCursor);
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(cursor());
  return true;
}

bool ExplorerSession::exportTraceCsv(const QString &path, QString *error) const {
  return lstm::exportTraceCsv(*this, path, error);
}

} // namespace lstm
