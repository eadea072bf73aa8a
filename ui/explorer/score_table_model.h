#pragma once
// The ranked units of UnitDiscoveryPanel as table rows: rank, unit, r (text) and r (a signed bar, drawn by
// SignedBarDelegate from kCorrelationRole). Reads the panel's scores in place. GUI thread only.
#include "explore/unit_ranking.h"

#include <QAbstractTableModel>

#include <vector>

namespace lstm {

class ScoreTableModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { RankColumn, UnitColumn, RColumn, BarColumn, ColumnCount };
  static constexpr int kCorrelationRole = Qt::UserRole + 1; // the correlation as a double

  using QAbstractTableModel::QAbstractTableModel;
  // Shows `scores` (best first; null: none). They must outlive the model or the next call.
  void setScores(const std::vector<UnitScore> *scores);
  void retranslate(); // the header names

  int rowCount(const QModelIndex &parent) const override;
  int columnCount(const QModelIndex &parent) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  const std::vector<UnitScore> *m_scores = nullptr;
};

} // namespace lstm
