#include "lstm_cell.h"

#include "gate_math.h"

namespace lstm {

namespace {

// Applies the interventions of one stage, in the order they were added. U = units of the step.
template <typename Scalar>
void intervene(CellStage stage, const CellInterventions &interventions, Eigen::Index U, LstmCellValues<Scalar> &out) {
  for (const Intervention &iv : interventions.active) {
    if (iv.layer != interventions.layer || stageOf(iv.kind) != stage)
      continue;
    switch (iv.kind) {
    case InterventionKind::ClampGate: out.gates(Eigen::Index(iv.gate) * U + iv.unit) = Scalar(iv.value); break;
    case InterventionKind::SetCell: out.cell(iv.unit) = Scalar(iv.value); break;
    case InterventionKind::ZeroCell: out.cell(iv.unit) = Scalar(0); break;
    case InterventionKind::AddCell: out.cell(iv.unit) += Scalar(iv.value); break;
    case InterventionKind::ZeroHidden: out.hidden(iv.unit) = Scalar(0); break;
    }
  }
}

// The backward of one intervention stage: what a stage made constant passes no gradient.
template <typename Scalar>
void stopGradients(CellStage stage, const CellInterventions &interventions, Eigen::Index U,
                   LstmCellGradients<Scalar> &out) {
  for (const Intervention &iv : interventions.active) {
    if (iv.layer != interventions.layer || stageOf(iv.kind) != stage)
      continue;
    switch (iv.kind) {
    case InterventionKind::ClampGate: out.preActivations(Eigen::Index(iv.gate) * U + iv.unit) = Scalar(0); break;
    case InterventionKind::SetCell:
    case InterventionKind::ZeroCell: out.cellComputed(iv.unit) = Scalar(0); break;
    case InterventionKind::AddCell: break; // c + value: derivative 1
    case InterventionKind::ZeroHidden: out.hidden(iv.unit) = Scalar(0); break;
    }
  }
}

// a = W_ih·x + b_ih + W_hh·h_{t−1} + b_hh
template <typename Scalar>
void preActivate(const LstmCellWeights<Scalar> &weights, const LstmCellInput<Scalar> &input,
                 const CellVectorRef<Scalar> &hiddenPrev, LstmCellValues<Scalar> &out, bool keepParts) {
  const auto rows = weights.bias.size();
  out.preActivations.resize(rows);
  const ConstVectorMap<Scalar> x(input.values.data(), Eigen::Index(input.values.size()));
  if (keepParts) {
    out.inputPart.resize(rows);
    out.recurrentPart.resize(rows);
    if (input.oneHotColumn >= 0)
      out.inputPart = weights.inputWeights.col(input.oneHotColumn);
    else
      out.inputPart.noalias() = weights.inputWeights * x;
    out.recurrentPart.noalias() = weights.recurrentWeights * hiddenPrev;
    out.preActivations = out.inputPart + out.recurrentPart + weights.bias;
    return;
  }
  // Accumulated into one vector: the products add onto the bias without temporaries.
  out.preActivations = weights.bias;
  if (input.oneHotColumn >= 0)
    out.preActivations += weights.inputWeights.col(input.oneHotColumn);
  else
    out.preActivations.noalias() += weights.inputWeights * x;
  out.preActivations.noalias() += weights.recurrentWeights * hiddenPrev;
}

} // namespace

template <typename Scalar>
void lstmCellForward(const LstmCellWeights<Scalar> &weights, const LstmCellInput<Scalar> &input,
                     const CellVectorRef<Scalar> &hiddenPrev,
                     const CellVectorRef<Scalar> &cellPrev, const CellInterventions &interventions,
                     LstmCellValues<Scalar> &out, bool keepParts, const LstmCellPerturbation<Scalar> *perturbation) {
  const Eigen::Index U = cellPrev.size();
  for (CellStage stage : interventions.order) {
    switch (stage) {
    case CellStage::Activate:
      preActivate(weights, input, hiddenPrev, out, keepParts);
      out.activations = out.preActivations;
      activateGates(out.activations, int(U));
      out.gates = out.activations;
      break;
    case CellStage::UpdateCell:
      out.cellComputed.resize(U);
      updateCell(out.gates, cellPrev, out.cellComputed);
      out.cell = out.cellComputed;
      break;
    case CellStage::UpdateHidden:
      if (perturbation && perturbation->cell.size() == U)
        out.cell += perturbation->cell;
      out.tanhCell.resize(U);
      out.hiddenComputed.resize(U);
      updateHidden(out.gates, out.cell, out.tanhCell, out.hiddenComputed);
      out.hidden = out.hiddenComputed;
      break;
    default: intervene(stage, interventions, U, out); break;
    }
  }
  if (perturbation && perturbation->hidden.size() == U)
    out.hidden += perturbation->hidden;
}

template <typename Scalar>
void lstmCellBackward(const LstmCellWeights<Scalar> &weights, const LstmCellValues<Scalar> &values,
                      const CellVectorRef<Scalar> &cellPrev,
                      const CellVectorRef<Scalar> &dHidden,
                      const CellVectorRef<Scalar> &dCellNext, const CellInterventions &interventions,
                      LstmCellGradients<Scalar> &out, bool inputGradient) {
  const Eigen::Index U = cellPrev.size();
  out.preActivations.resize(4 * U); // first ∂loss/∂(i f g o), then ∂loss/∂a in place
  out.hidden = dHidden;
  out.cell.resize(U);
  out.cellPrev.resize(U);
  for (auto stage = interventions.order.rbegin(); stage != interventions.order.rend(); ++stage) {
    switch (*stage) {
    case CellStage::UpdateHidden:
      // h_t = o ⊙ tanh(c_t); c_t also reaches the next step.
      updateHiddenBackward(values.gates, values.tanhCell, out.hidden, dCellNext, out.cell, out.preActivations);
      out.cellComputed = out.cell;
      break;
    case CellStage::UpdateCell: updateCellBackward(values.gates, cellPrev, out.cellComputed, out.preActivations, out.cellPrev); break;
    case CellStage::Activate: gatePreactivationGradients(values.activations, out.preActivations, int(U)); break;
    default: stopGradients(*stage, interventions, U, out); break;
    }
  }
  // a = W_ih·x + W_hh·h_{t−1} + b
  out.hiddenPrev.noalias() = weights.recurrentWeights.transpose() * out.preActivations;
  if (inputGradient)
    out.input.noalias() = weights.inputWeights.transpose() * out.preActivations;
}

template void lstmCellForward(const LstmCellWeights<float> &, const LstmCellInput<float> &,
                              const CellVectorRef<float> &, const CellVectorRef<float> &,
                              const CellInterventions &, LstmCellValues<float> &, bool,
                              const LstmCellPerturbation<float> *);
template void lstmCellForward(const LstmCellWeights<double> &, const LstmCellInput<double> &,
                              const CellVectorRef<double> &, const CellVectorRef<double> &,
                              const CellInterventions &, LstmCellValues<double> &, bool,
                              const LstmCellPerturbation<double> *);
template void lstmCellBackward(const LstmCellWeights<float> &, const LstmCellValues<float> &,
                               const CellVectorRef<float> &, const CellVectorRef<float> &,
                               const CellVectorRef<float> &, const CellInterventions &,
                               LstmCellGradients<float> &, bool);
template void lstmCellBackward(const LstmCellWeights<double> &, const LstmCellValues<double> &,
                               const CellVectorRef<double> &, const CellVectorRef<double> &,
                               const CellVectorRef<double> &, const CellInterventions &,
                               LstmCellGradients<double> &, bool);

} // namespace lstm
