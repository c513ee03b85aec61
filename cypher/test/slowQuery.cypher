// Runs for many seconds and touches no data: the transaction-timeout test stops it early.
UNWIND range(1, 2000000000) AS i
WITH i WHERE i % 7 = 99
RETURN count(i) AS n
