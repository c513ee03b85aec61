// The transactions still open in Neo4j for one API request, found by the requestId that
// Database puts in their metadata: the cancellation tests expect none once the request was
// aborted or timed out.
SHOW TRANSACTIONS YIELD transactionId, currentQuery, metaData, status
WHERE metaData.requestId = $requestId
RETURN transactionId, currentQuery, status
