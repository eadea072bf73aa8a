#include "step_values.h"

#include "explore/tape.h"
#include "explorer_session.h"
#include "model/lstm_cell.h"
#include "model/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {


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

StepValues computeStepValues(const Model &model, const Trace &trace, int layer, int unit, int step,
                             const CellOrder &order) {
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

  // The intervention list in the order the step applied them, and the same list for the one-unit step below.
  std::vector<Intervention> unitInterventions;
  for (const Intervention &iv : trace.interventions(step))
    if (iv.layer == layer && iv.unit == unit)
      v.interventions.push_back(iv);
  auto position = [&order](const Intervention &iv) {
    return std::find(order.begin(), order.end(), stageOf(iv.kind)) - order.begin();
  };
  std::stable_sort(v.interventions.begin(), v.interventions.end(),
                   [&](const Intervention &x, const Intervention &y) { return position(x) < position(y); });
  for (Intervention iv : v.interventions) {
    if (iv.kind == InterventionKind::ClampGate)
      v.gateClamped[std::size_t(iv.gate)] = true;
    else if (iv.kind == InterventionKind::ZeroHidden)
      v.hiddenChanged = true;
    else
      v.cellChanged = true;
    iv.unit = 0;
    unitInterventions.push_back(iv);
  }

  // The cell step in double for this unit alone (U = 1): rows u, H+u, 2H+u, 3H+u of the layer's weights, read
  // from the recorded h_{t−1}, c_{t−1} and x_t, with the pre-activation's parts kept for the equations.
  const int X = config.layerInputWidth(layer);
  Matrix<double> inputWeights(4, X), recurrentWeights(4, H);
  Vector<double> bias(4);
  for (int g = 0; g < 4; ++g) {
    const int row = g * H + unit;
    inputWeights.row(g) = params.weightIh(layer).row(row).cast<double>();
    recurrentWeights.row(g) = params.weightHh(layer).row(row).cast<double>();
    bias(g) = double(params.biasIh(layer)(row)) + double(params.biasHh(layer)(row));
  }
  const LstmCellWeights<double> weights{ConstMatrixMap<double>(inputWeights.data(), 4, X),
                                        ConstMatrixMap<double>(recurrentWeights.data(), 4, H),
                                        ConstVectorMap<double>(bias.data(), 4)};
  LstmCellInput<double> input;
  if (layer == 0 && config.input == InputKind::OneHot)
    input.oneHotColumn = v.token;
  else
    input.values = v.input;
  const Vector<double> previousHidden = ConstVectorMap<float>(hiddenPrev, H).cast<double>();
  const Vector<double> previousCell = Vector<double>::Constant(1, v.cellPrev);
  LstmCellValues<double> cell;
  lstmCellForward(weights, input, previousHidden, previousCell, {unitInterventions, layer, order}, cell, true);

  for (int g = 0; g < 4; ++g) {
    const auto k = std::size_t(g);
    v.inputPart[k] = cell.inputPart(g);
    v.recurrentPart[k] = cell.recurrentPart(g);
    v.bias[k] = bias(g);
    v.preActivation[k] = cell.preActivations(g);
    v.recordedPreActivation[k] = double(trace.value(layer, Quantity(int(Quantity::InputPre) + g), step, unit));
    v.activation[k] = cell.activations(g);
    v.gate[k] = double(trace.value(layer, Quantity(g), step, unit));
  }
  const auto gate = [&cell](Gate g) { return cell.gates(int(g)); };
  v.forgetTerm = gate(Gate::Forget) * v.cellPrev;
  v.inputTerm = gate(Gate::Input) * gate(Gate::Cell);
  v.cellComputed = cell.cellComputed(0);
  v.cell = double(trace.value(layer, Quantity::Cell, step, unit));
  v.tanhCell = cell.tanhCell(0);
  v.hiddenComputed = cell.hiddenComputed(0);
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
