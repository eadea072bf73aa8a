#include "explorer_session.h"

#include "common/problem_text.h"
#include "explorer_csv.h"
#include "explore/forecast.h"
#include "io/model_file.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
constexpr int kPlayTickMs = 16; // one batch of steps per frame: ≤ ~60 trace updates a second
} // namespace

ExplorerSession::ExplorerSession(QObject *parent) : QObject(parent) {
  m_playTimer.setTimerType(Qt::PreciseTimer);
  m_playTimer.setInterval(kPlayTickMs);
  connect(&m_playTimer, &QTimer::timeout, this, &ExplorerSession::onPlayTick);
  m_samplingOptions.temperature = 0.8; // a little conservative: recognisable text from small models
  m_sampler = std::make_unique<Sampler>(m_samplingOptions);
}

ExplorerSession::~ExplorerSession() = default;

bool ExplorerSession::openModel(const QString &path, QString *error) {
  Problem problem;
  auto loaded = loadModel(path, &problem);
  if (!loaded) {
    *error = problemText(problem);
    return false;
  }
  if (const std::string inconsistency = loaded->checkConsistency(); !inconsistency.empty()) {
    *error = path + QStringLiteral(": ") + QString::fromStdString(inconsistency);
    return false;
  }
  setModel(std::make_shared<const Model>(std::move(*loaded)), path);
  return true;
}

void ExplorerSession::setModel(std::shared_ptr<const Model> model, const QString &source) {
  pause();
  m_runTarget = -1;
  std::vector<Intervention> none;
  m_model = std::move(model);
  m_stepper = std::make_unique<Stepper>(m_model, 32);
  m_source = source;
  m_tape.clear();
  m_values.clear();
  m_seriesTape = isSeriesModel(*m_model);
  m_scalingProblem.clear();
  m_scaling = m_seriesTape ? seriesScalingOf(*m_model, &m_scalingProblem).value_or(SeriesScaling{}) : SeriesScaling{};
  m_cursor = -1;
  m_layer = 0;
  m_unit = 0;
  m_tracedUnits = {0};
  m_sampler = std::make_unique<Sampler>(m_samplingOptions);
  if (!canWrite())
    m_mode = DriveMode::Read; // writing needs a distribution over tokens, or a prediction of the next value
  Q_EMIT modelChanged();
  Q_EMIT tapeChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(m_cursor);
  Q_EMIT selectionChanged();
  Q_EMIT interventionsChanged();
}

bool ExplorerSession::setWeights(std::shared_ptr<const Model> model, const QString &source) {
  if (!hasModel() || !model || !(model->config == m_model->config) || !(model->vocabulary == m_model->vocabulary))
    return false;
  std::optional<SeriesScaling> scaling = SeriesScaling{};
  if (m_seriesTape && !(scaling = seriesScalingOf(*model)))
    return false;
  pause();
  m_runTarget = -1;
  const int steps = m_stepper->position();
  const int cursor = m_cursor;
  // Each recorded step is re-run with the interventions that were active at it, then the current ones resume.
  const std::vector<Intervention> current = m_stepper->interventions();
  std::vector<std::vector<Intervention>> atStep(static_cast<std::size_t>(steps));
  for (int s = 0; s < steps; ++s) {
    const auto active = m_stepper->trace().interventions(s);
    atStep[std::size_t(s)].assign(active.begin(), active.end());
  }
  const auto activate = [this](const std::vector<Intervention> &wanted) {
    if (m_stepper->interventions() == wanted)
      return;
    m_stepper->clearInterventions();
    for (const Intervention &intervention : wanted)
      m_stepper->addIntervention(intervention);
  };
  m_model = std::move(model);
  m_stepper = std::make_unique<Stepper>(m_model, 32);
  m_source = source;
  m_scaling = *scaling;
  m_scalingProblem.clear();
  // The tape holds every character read so far (written ones included), so re-reading it gives the new weights
  // exactly the same text: snapshots compare like with like.
  if (m_model->config.usesTokens())
    for (int s = 0; s < steps && s < tapeLength(); ++s) {
      activate(atStep[std::size_t(s)]);
      readToken(m_tape[std::size_t(s)]);
    }
  else if (m_seriesTape)
    for (int s = 0; s < steps && s < tapeLength(); ++s) {
      activate(atStep[std::size_t(s)]);
      readValue(m_values[std::size_t(s)]);
    }
  activate(current);
  m_cursor = std::min(cursor, m_stepper->position() - 1);
  Q_EMIT weightsChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(m_cursor);
  return true;
}

// ---- text

std::optional<std::vector<std::int32_t>> ExplorerSession::encode(const QString &text, QString *error) const {
  if (m_seriesTape) {
    *error = tr("This model reads a series of numbers, not text: give it a series from the Forecast dock.");
    return std::nullopt;
  }
  if (!hasModel() || !model().config.usesTokens()) {
    *error = tr("This model reads numbers, not text.");
    return std::nullopt;
  }
  std::vector<std::int32_t> tokens;
  const std::u32string ucs4 = text.toStdU32String();
  tokens.reserve(ucs4.size());
  for (std::size_t i = 0; i < ucs4.size(); ++i) {
    const int id = model().vocabulary.idOf(ucs4[i]);
    if (id < 0) {
      const char32_t symbol = ucs4[i];
      const QString shown = symbol == U'\n' ? QStringLiteral("\\n")
                            : symbol == U'\t' ? QStringLiteral("\\t")
                                              : QString::fromUcs4(&symbol, 1);
      *error = tr("The character '%1' (U+%2) at position %3 is not in the model's vocabulary.")
                   .arg(shown)
                   .arg(uint(symbol), 4, 16, QLatin1Char('0'))
                   .arg(i + 1);
      return std::nullopt;
    }
    tokens.push_back(id);
  }
  return tokens;
}

bool ExplorerSession::setText(const QString &text, QString *error) {
  auto tokens = encode(text, error);
  if (!tokens)
    return false;
  pause();
  m_tape = std::move(*tokens);
  restartOnNewTape();
  return true;
}

void ExplorerSession::restartOnNewTape() {
  m_runTarget = -1;
  m_stepper->reset();
  m_cursor = -1;
  Q_EMIT tapeChanged();
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(m_cursor);
}

bool ExplorerSession::appendText(const QString &text, QString *error) {
  auto tokens = encode(text, error);
  if (!tokens)
    return false;
  m_tape.insert(m_tape.end(), tokens->begin(), tokens->end());
  Q_EMIT tapeChanged();
  return true;
}

// ---- series

bool ExplorerSession::setSeries(std::vector<double> values, QString *error) {
  if (!hasModel()) {
    *error = tr("No model is open.");
    return false;
  }
  if (!m_seriesTape) {
    *error = model().config.usesTokens()
                 ? tr("This model reads text, not a series of numbers.")
                 : tr("This model does not forecast a single series: it needs one input and one predicted value.");
    return false;
  }
  if (!m_scalingProblem.isEmpty()) {
    *error = tr("Cannot read a series: %1.").arg(m_scalingProblem);
    return false;
  }
  const auto bad = std::find_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); });
  if (bad != values.end()) {
    *error = tr("Value %1 of the series is not a finite number.").arg(bad - values.begin() + 1);
    return false;
  }
  pause();
  m_values = std::move(values);
  restartOnNewTape();
  return true;
}

double ExplorerSession::predictionAt(int step) const {
  if (!m_seriesTape || step < 0 || step >= steps())
    return std::numeric_limits<double>::quiet_NaN();
  const auto prediction = trace().prediction(step);
  return prediction.empty() ? std::numeric_limits<double>::quiet_NaN() : m_scaling.invert(double(prediction[0]));
}

QString ExplorerSession::tapeText() const {
  QString text;
  text.reserve(qsizetype(m_tape.size()));
  for (std::int32_t token : m_tape)
    text += tokenText(token);
  return text;
}

QString ExplorerSession::tokenText(std::int32_t token) const {
  if (!hasModel() || token < 0 || token >= model().vocabulary.size())
    return {};
  const char32_t symbol = model().vocabulary.symbol(token);
  return QString::fromUcs4(&symbol, 1);
}

QString ExplorerSession::tokenLabel(std::int32_t token) const {
  const QString text = tokenText(token);
  if (text == QStringLiteral("\n"))
    return QStringLiteral("↵");
  if (text == QStringLiteral("\t"))
    return QStringLiteral("⇥");
  if (text == QStringLiteral(" "))
    return QStringLiteral("␣");
  return text;
}

// ---- focus

void ExplorerSession::setCursor(int step) {
  const int clamped = std::clamp(step, steps() > 0 ? 0 : -1, steps() - 1);
  if (clamped == m_cursor)
    return;
  m_cursor = clamped;
  Q_EMIT cursorChanged(m_cursor);
}

void ExplorerSession::selectUnit(int layer, int unit) {
  if (layer < 0 || layer >= layers() || unit < 0 || unit >= units())
    return;
  if (layer != m_layer)
    m_tracedUnits.clear();
  m_layer = layer;
  m_unit = unit;
  if (std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit) == m_tracedUnits.end())
    m_tracedUnits.push_back(unit);
  Q_EMIT selectionChanged();
}

void ExplorerSession::selectLayer(int layer) {
  if (layer < 0 || layer >= layers() || layer == m_layer)
    return;
  m_layer = layer;
  m_tracedUnits = {m_unit};
  Q_EMIT selectionChanged();
}

void ExplorerSession::selectQuantity(Quantity quantity) {
  if (quantity == m_quantity)
    return;
  m_quantity = quantity;
  Q_EMIT selectionChanged();
}

void ExplorerSession::addTracedUnit(int unit) {
  if (unit < 0 || unit >= units() ||
      std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit) != m_tracedUnits.end())
    return;
  m_tracedUnits.push_back(unit);
  Q_EMIT selectionChanged();
}

void ExplorerSession::removeTracedUnit(int unit) {
  const auto it = std::find(m_tracedUnits.begin(), m_tracedUnits.end(), unit);
  if (it == m_tracedUnits.end())
    return;
  m_tracedUnits.erase(it);
  Q_EMIT selectionChanged();
}

// ---- interventions

const std::vector<Intervention> &ExplorerSession::interventions() const {
  static const std::vector<Intervention> none;
  return hasModel() ? m_stepper->interventions() : none;
}

bool ExplorerSession::addIntervention(const Intervention &intervention, QString *error) {
  if (!hasModel()) {
    *error = tr("No model is open.");
    return false;
  }
  const auto &active = m_stepper->interventions();
  if (std::find(active.begin(), active.end(), intervention) != active.end()) {
    *error = tr("This intervention is already active.");
    return false;
  }
  if (!m_stepper->addIntervention(intervention)) {
    *error = tr("Layer %1, unit %2 does not exist in this model.").arg(intervention.layer).arg(intervention.unit);
    return false;
  }
  Q_EMIT interventionsChanged();
  rerunAfterCursor();
  return true;
}

void ExplorerSession::removeIntervention(int index) {
  if (!hasModel() || index < 0 || index >= int(m_stepper->interventions().size()))
    return;
  m_stepper->removeIntervention(index);
  Q_EMIT interventionsChanged();
  rerunAfterCursor();
}

void ExplorerSession::clearInterventions() {
  if (!hasModel() || m_stepper->interventions().empty())
    return;
  m_stepper->clearInterventions();
  Q_EMIT interventionsChanged();
  rerunAfterCursor();
}

void ExplorerSession::rerunAfterCursor() {
  // The steps after the cursor were computed without (or with) the changed intervention: redo them with the
  // current set. In read mode the same characters are read again; in write mode new ones are sampled.
  const int end = m_stepper->position();
  const int keep = m_cursor + 1;
  if (keep >= end)
    return;
  pause();
  while (m_stepper->position() > keep)
    m_stepper->back();
  const bool wasWriting = m_mode == DriveMode::Write;
  while (m_stepper->position() < end && stepOnce()) {
  }
  const int cursor = m_cursor;
  if (wasWriting)
    Q_EMIT tapeChanged();
  Q_EMIT traceChanged();
  m_cursor = cursor; // the re-run leaves the focus where the user put it
  Q_EMIT cursorChanged(m_cursor);
}

void ExplorerSession::onFocusChanged(QObject *context, const std::function<void()> &onChange) {
  connect(this, &ExplorerSession::modelChanged, context, onChange);
  connect(this, &ExplorerSession::traceChanged, context, onChange);
  connect(this, &ExplorerSession::cursorChanged, context, onChange);
  connect(this, &ExplorerSession::selectionChanged, context, onChange);
  connect(this, &ExplorerSession::interventionsChanged, context, onChange);
}

bool ExplorerSession::exportTraceCsv(const QString &path, QString *error) const {
  if (!hasModel()) {
    *error = path + QStringLiteral(": ") + tr("no model is open");
    return false;
  }
  return writeTraceCsv(*this, path, error);
}

} // namespace lstm
