#ifndef TREAD_CCURLONDEMAND_H
#define TREAD_CCURLONDEMAND_H

/// Whether libcurl has been loaded: false until tread's first fetch (see CurlOnDemand.c).
int tread_curl_loaded(void);

#endif
