#include "step_values.h"

#include "explore/tape.h"
#include "explorer_session.h"
#include "model/model.h"

#include <QCoreApplication>

#include <cmath>

namespace lstm {

namespace {

double sigmoid(double a) { return 1.0 / (1.0 + std::exp(-a)); }

QString describeInput(const Model &model, int layer, std::int32_t token, const QString &label) {
  const ModelConfig &config = model.config;
  if (layer > 0)
    return QCoreApplication::translate("lstm::StepValues", "h_t of layer %1 (H = %2)").arg(layer - 1).arg(config.hiddenSize);
  switch (config.input) {
  case InputKind::OneHot: return QCoreApplication::translate("lstm::StepValues", "one-hot '%1' (token %2)").arg(label).arg(token);
  case InputKind::Embedding: return QCoreApplication::translate("lstm::StepValues", "embedding of '%1' (token %2, E = %3)").arg(label).arg(token).arg(config.embedDim);
  case InputKind::Dense: return QCoreApplication::translate("lstm::StepValues", "dense input (X = %1)").arg(config.inputSize);
  }
  return {};
}

} // namespace

StepValues computeStepValues(const Model &model, const Trace &trace, int layer, int unit, int step) {
  StepValues v;
  const ModelConfig &config = model.config;
  const int H = config.hiddenSize;
  if (layer < 0 || layer >= trace.layers() || unit < 0 || unit >= H || step < 0 || step >= trace.steps() ||
      trace.units() != H)
    return v;
  v.valid = true;
  v.layer = layer;
  v.unit = unit;
  v.step = step;
  v.hiddenSize = H;
  v.inputWidth = config.layerInputWidth(layer);
  v.token = trace.token(step);
  if (config.usesTokens() && v.token >= 0 && v.token < model.vocabulary.size())
    v.tokenLabel = tokenLabel(model.vocabulary, v.token);
  v.inputDescription = describeInput(model, layer, v.token, v.tokenLabel);

  // x_t: the layer below's h_t at this step, the embedding column, or the dense input; one-hot stays a column index.
  const Parameters<float> &params = model.parameters;
  if (layer > 0) {
    const auto below = trace.quantity(layer - 1, Quantity::Hidden).row(step);
    v.input.assign(below.data(), below.data() + below.size());
  } else if (config.input == InputKind::Embedding) {
    const auto column = params.embedding().col(v.token);
    v.input.assign(column.data(), column.data() + column.size());
  } else if (config.input == InputKind::Dense) {
    const auto dense = trace.input(step);
    v.input.assign(dense.begin(), dense.end());
  }

  // h_{t−1}, c_{t−1}: the previous step's recorded (post-intervention) values, which the stepper carried on.
  const float *hiddenPrev = step > 0 ? trace.quantity(layer, Quantity::Hidden).row(step - 1).data()
                                     : trace.initialHidden(layer).data();
  const float *cellPrev =
      step > 0 ? trace.quantity(layer, Quantity::Cell).row(step - 1).data() : trace.initialCell(layer).data();
  v.hiddenPrev = double(hiddenPrev[unit]);
  v.cellPrev = double(cellPrev[unit]);

  const auto wIh = params.weightIh(layer); // (4H, X)
  const auto wHh = params.weightHh(layer); // (4H, H)
  const auto bIh = params.biasIh(layer);   // (4H)
  const auto bHh = params.biasHh(layer);   // (4H)
  for (int g = 0; g < 4; ++g) {
    const auto k = std::size_t(g);
    const int row = g * H + unit;
    double inputPart = 0.0;
    if (layer == 0 && config.input == InputKind::OneHot)
      inputPart = double(wIh(row, v.token));
    else
      for (int j = 0; j < int(v.input.size()); ++j)
        inputPart += double(wIh(row, j)) * v.input[std::size_t(j)];
    double recurrentPart = 0.0;
    for (int j = 0; j < H; ++j)
      recurrentPart += double(wHh(row, j)) * double(hiddenPrev[j]);
    v.inputPart[k] = inputPart;
    v.recurrentPart[k] = recurrentPart;
    v.bias[k] = double(bIh(row)) + double(bHh(row));
    v.preActivation[k] = inputPart + recurrentPart + v.bias[k];
    v.recordedPreActivation[k] = double(trace.value(layer, Quantity(int(Quantity::InputPre) + g), step, unit));
    v.activation[k] = Gate(g) == Gate::Cell ? std::tanh(v.preActivation[k]) : sigmoid(v.preActivation[k]);
    v.gate[k] = double(trace.value(layer, Quantity(g), step, unit));
  }

  for (const Intervention &iv : trace.interventions(step)) {
    if (iv.layer != layer || iv.unit != unit)
      continue;
    v.interventions.push_back(iv);
    if (iv.kind == InterventionKind::ClampGate)
      v.gateClamped[std::size_t(iv.gate)] = true;
    else if (iv.kind == InterventionKind::ZeroHidden)
      v.hiddenChanged = true;
    else
      v.cellChanged = true;
  }

  const double i = v.gateValue(Gate::Input), f = v.gateValue(Gate::Forget);
  const double g = v.gateValue(Gate::Cell), o = v.gateValue(Gate::Output);
  v.forgetTerm = f * v.cellPrev;
  v.inputTerm = i * g;
  v.cellComputed = v.forgetTerm + v.inputTerm;
  v.cell = double(trace.value(layer, Quantity::Cell, step, unit));
  v.tanhCell = std::tanh(v.cell);
  v.hiddenComputed = o * v.tanhCell;
  v.hidden = double(trace.value(layer, Quantity::Hidden, step, unit));
  return v;
}

StepValues computeStepValues(const ExplorerSession &session, int layer, int unit, int step) {
  if (!session.hasModel())
    return {};
  StepValues v = computeStepValues(session.model(), session.trace(), layer, unit, step);
  if (v.valid && v.token >= 0) {
    v.tokenLabel = session.tokenLabel(v.token);
    v.inputDescription = describeInput(session.model(), layer, v.token, v.tokenLabel);
  } else if (v.valid && session.isSeriesTape()) {
    v.seriesValue = step < session.tapeLength() ? session.tapeValue(step) : v.seriesValue;
    v.seriesPrediction = session.predictionAt(step);
    if (layer == 0 && !v.input.empty())
      v.inputDescription = QCoreApplication::translate("lstm::StepValues", "value %1 (scaled %2)")
                               .arg(formatSeriesValue(v.seriesValue), formatSeriesValue(v.input.front()));
  }
  return v;
}

StepValues computeSelectedStepValues(const ExplorerSession &session) {
  return computeStepValues(session, session.selectedLayer(), session.selectedUnit(), session.cursor());
}

QString formatSeriesValue(double value) {
  if (!std::isfinite(value))
    return QStringLiteral("–");
  // 'g' with 4 significant digits, and a real minus sign, which is as wide as a digit and easier to read.
  QString text = QString::number(value, 'g', 4);
  if (text.startsWith(QLatin1Char('-')))
    text.replace(0, 1, QChar(0x2212));
  return text;
}

QString describeIntervention(const Intervention &intervention) {
  const QString value = QString::number(double(intervention.value), 'g', 4);
  switch (intervention.kind) {
  case InterventionKind::ClampGate:
    return QCoreApplication::translate("lstm::StepValues", "%1 clamped to %2").arg(QChar::fromLatin1(gateLetter(intervention.gate)), value);
  case InterventionKind::ZeroHidden: return QCoreApplication::translate("lstm::StepValues", "h zeroed");
  case InterventionKind::ZeroCell: return QCoreApplication::translate("lstm::StepValues", "c zeroed");
  case InterventionKind::SetCell: return QCoreApplication::translate("lstm::StepValues", "c set to %1").arg(value);
  case InterventionKind::AddCell: return QCoreApplication::translate("lstm::StepValues", "c shifted by %1").arg(value);
  }
  return {};
}

} // namespace lstm
