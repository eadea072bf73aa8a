#include "score_table_model.h"

namespace lstm {

void ScoreTableModel::setScores(const std::vector<UnitScore> *scores) {
  beginResetModel();
  m_scores = scores;
  endResetModel();
}

void ScoreTableModel::retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

int ScoreTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() || !m_scores ? 0 : int(m_scores->size());
}

int ScoreTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ScoreTableModel::data(const QModelIndex &index, int role) const {
  const UnitScore &score = (*m_scores)[std::size_t(index.row())];
  if (role == kCorrelationRole)
    return score.correlation;
  if (role == Qt::TextAlignmentRole)
    return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole)
    return tr("unit %1: r = %2").arg(score.unit).arg(score.correlation, 0, 'f', 4);
  if (role != Qt::DisplayRole)
    return {};
  switch (index.column()) {
  case RankColumn: return index.row() + 1;
  case UnitColumn: return score.unit;
  case RColumn: return QStringLiteral("%1%2").arg(score.correlation >= 0 ? QStringLiteral("+") : QString())
                                             .arg(score.correlation, 0, 'f', 3);
  default: return {};
  }
}

QVariant ScoreTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  const QString names[ColumnCount] = {tr("#"), tr("unit"), tr("r"), tr("−1 … r … +1")};
  return orientation == Qt::Horizontal && role == Qt::DisplayRole ? names[section] : QVariant();
}

} // namespace lstm
